package io.rmbsim.settlement;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Business days and their sessions: the one calendar both drivers place payments by, and the one the
 * live service opens and closes its days by.
 *
 * <p>{@link Timetable#PHASE_II} is CIPS phase II's 5×24+4 hours (PBC Q&amp;A on CIPS phase II):
 * business day {@code T} opens at 08:30 Beijing time on {@code T} (04:30 when {@code T} is the first
 * working day after a weekend or holiday) and ends at 08:30 on the next calendar day: the day session
 * until 17:30 (17:00-17:30 end-of-session processing), the night session until 08:00, end-of-day
 * processing 08:00-08:30, when the day closes. A payment belongs to the business day that takes it
 * when it arrives ({@link #openAt}): during end-of-day processing, at a weekend or on a holiday, that
 * is the next one, and it waits for that day to open.
 *
 * <p>{@link Timetable#DAY_SESSION} is the short day of earlier versions: the day closes at the
 * cut-off (17:30) and the next business day opens at once.
 *
 * <p>Working days are Monday to Friday, less the listed holidays, plus the listed working weekend days
 * (the make-up working days of the State Council's holiday arrangements).
 */
public final class BusinessCalendar {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** How a business day runs. */
    public enum Timetable {
        /** CIPS phase II, 5×24+4: days run from 08:30 (04:30 after a closure) to 08:30 the next morning. */
        PHASE_II,
        /** The day session only: the day closes at the cut-off and the next opens at once. */
        DAY_SESSION
    }

    /** Where the open business day is at a given instant. */
    public enum Session {
        /** The day session (from the opening, 04:30 or 08:30, to 17:00). */
        DAY,
        /** 17:00-17:30: end-of-session processing; payments are still taken. */
        END_OF_SESSION,
        /** 17:30-08:00 the next morning. */
        NIGHT,
        /** 08:00-08:30: end-of-day processing; new payments belong to the next business day. */
        END_OF_DAY,
        /** Not open: before the day's opening (a weekend or holiday), or past its close. */
        CLOSED
    }

    private static final LocalTime OPENING = LocalTime.of(8, 30);
    private static final LocalTime EARLY_OPENING = LocalTime.of(4, 30);
    private static final LocalTime END_OF_SESSION = LocalTime.of(17, 0);
    private static final LocalTime END_OF_DAY_PROCESSING = LocalTime.of(8, 0);

    /** The netting cycles of deferred net settlement, local time (each business day's last one is at its close). */
    public static final List<LocalTime> DEFAULT_NET_CYCLES = List.of(LocalTime.of(9, 0), LocalTime.of(11, 0),
            LocalTime.of(13, 0), LocalTime.of(15, 0), LocalTime.of(17, 0));

    /** CIPS phase II in Beijing time, weekends closed, no holidays listed. */
    public static final BusinessCalendar PHASE_II = new BusinessCalendar(Timetable.PHASE_II, BEIJING,
            LocalTime.of(17, 30), Set.of(), Set.of());

    /** The short day (closing at 17:30 Beijing time, the next opening at once), weekends closed, no holidays listed. */
    public static final BusinessCalendar DAY_SESSION = new BusinessCalendar(Timetable.DAY_SESSION, BEIJING,
            LocalTime.of(17, 30), Set.of(), Set.of());

    private final Timetable timetable;
    private final ZoneId zone;
    private final LocalTime cutOff;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;
    private final List<LocalTime> netCycles;


    /**
     * @param cutOff the end of the day session (17:30): where a {@link Timetable#DAY_SESSION} day closes
     * @param holidays working days (Monday to Friday) on which settlement is closed
     * @param workdays weekend days on which settlement works
     */
    public BusinessCalendar(Timetable timetable, ZoneId zone, LocalTime cutOff, Set<LocalDate> holidays,
            Set<LocalDate> workdays) {
        this(timetable, zone, cutOff, holidays, workdays, DEFAULT_NET_CYCLES);
    }

    private BusinessCalendar(Timetable timetable, ZoneId zone, LocalTime cutOff, Set<LocalDate> holidays,
            Set<LocalDate> workdays, List<LocalTime> netCycles) {
        if (timetable == null || zone == null || cutOff == null) {
            throw new IllegalArgumentException("a business calendar needs a timetable, a time zone and a cut-off");
        }
        if (timetable == Timetable.PHASE_II && !cutOff.isAfter(END_OF_SESSION)) {
            throw new IllegalArgumentException("the day session's cut-off comes after 17:00 in phase II");
        }
        this.timetable = timetable;
        this.zone = zone;
        this.cutOff = cutOff;
        this.holidays = Set.copyOf(holidays);
        this.workdays = Set.copyOf(workdays);
        this.netCycles = netCycles.stream().sorted().distinct().toList();
    }

    /** This calendar with these holidays and working weekend days. */
    public BusinessCalendar withClosures(Set<LocalDate> holidayDates, Set<LocalDate> workingWeekendDays) {
        return new BusinessCalendar(timetable, zone, cutOff, holidayDates, workingWeekendDays, netCycles);
    }

    /** This calendar with these netting cycles (local times; none: only the one at each day's close). */
    public BusinessCalendar withNetCycles(List<LocalTime> times) {
        return new BusinessCalendar(timetable, zone, cutOff, holidays, workdays, times);
    }

    public List<LocalTime> netCycles() {
        return netCycles;
    }

    /**
     * The netting cycles of business day {@code date}, in time order: each configured time on that
     * day that falls while it is open and takes payments (one more runs at its close).
     */
    public List<Instant> netCyclesOf(LocalDate date) {
        Instant opens = opensAt(date);
        Instant until = takesPaymentsUntil(date);
        List<Instant> cycles = new ArrayList<>();
        for (LocalTime t : netCycles) {
            Instant at = at(date, t);
            if (!at.isBefore(opens) && at.isBefore(until)) {
                cycles.add(at);
            }
        }
        return cycles;
    }

    /** The first netting cycle of business day {@code date} after {@code after}; null when none is left before its close. */
    public Instant nextNetCycle(LocalDate date, Instant after) {
        for (Instant at : netCyclesOf(date)) {
            if (at.isAfter(after)) {
                return at;
            }
        }
        return null;
    }

    public static BusinessCalendar cipsPhaseTwo() {
        return PHASE_II;
    }

    public Timetable timetable() {
        return timetable;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalTime cutOff() {
        return cutOff;
    }

    /** The listed holidays, in date order. */
    public List<LocalDate> holidays() {
        return List.copyOf(new TreeSet<>(holidays));
    }

    /** The listed working weekend days, in date order. */
    public List<LocalDate> workdays() {
        return List.copyOf(new TreeSet<>(workdays));
    }

    /** Whether settlement works on {@code date}: Monday to Friday unless a listed holiday, or a listed working weekend day. */
    public boolean isBusinessDay(LocalDate date) {
        if (workdays.contains(date)) {
            return true;
        }
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /** The business day after {@code date}. */
    public LocalDate nextBusinessDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isBusinessDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** The business days from {@code from} to {@code to}, inclusive, at most {@code max} of them. */
    public List<LocalDate> businessDays(LocalDate from, LocalDate to, int max) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to) && days.size() < max; d = d.plusDays(1)) {
            if (isBusinessDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    /**
     * When business day {@code date} opens: in phase II at 08:30 on it, or at 04:30 when the day
     * before is not a working day; in the short day, when the business day before it closes.
     */
    public Instant opensAt(LocalDate date) {
        if (timetable == Timetable.DAY_SESSION) {
            LocalDate before = date.minusDays(1);
            while (!isBusinessDay(before)) {
                before = before.minusDays(1);
            }
            return closesAt(before);
        }
        boolean afterClosure = !isBusinessDay(date.minusDays(1));
        return at(date, afterClosure ? EARLY_OPENING : OPENING);
    }

    /** When business day {@code date} closes by itself: 08:30 the next morning in phase II, the cut-off in the short day. */
    public Instant closesAt(LocalDate date) {
        return timetable == Timetable.PHASE_II ? at(date.plusDays(1), OPENING) : at(date, cutOff);
    }

    /** Until when business day {@code date} takes new payments: the start of end-of-day processing, or its close. */
    public Instant takesPaymentsUntil(LocalDate date) {
        return timetable == Timetable.PHASE_II ? at(date.plusDays(1), END_OF_DAY_PROCESSING) : closesAt(date);
    }

    /**
     * The business day a payment arriving at {@code now} belongs to: the first one still taking
     * payments then. It may not be open yet (a weekend, a holiday, end-of-day processing): the payment
     * waits for its opening.
     */
    public LocalDate openAt(Instant now) {
        LocalDate d = now.atZone(zone).toLocalDate().minusDays(1);
        while (!isBusinessDay(d) || !now.isBefore(takesPaymentsUntil(d))) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** {@link #openAt} for an epoch second, as the business day's epoch day (the simulator's day number). */
    public long openAt(long epochSecond) {
        return openAt(Instant.ofEpochSecond(epochSecond)).toEpochDay();
    }

    /** {@link #opensAt} for a business day given as its epoch day, in epoch seconds. */
    public long opensAt(long epochDay) {
        return opensAt(LocalDate.ofEpochDay(epochDay)).getEpochSecond();
    }

    /** {@link #closesAt} for a business day given as its epoch day, in epoch seconds. */
    public long closesAt(long epochDay) {
        return closesAt(LocalDate.ofEpochDay(epochDay)).getEpochSecond();
    }

    /** {@link #takesPaymentsUntil} for a business day given as its epoch day, in epoch seconds. */
    public long takesPaymentsUntil(long epochDay) {
        return takesPaymentsUntil(LocalDate.ofEpochDay(epochDay)).getEpochSecond();
    }

    /** The session business day {@code date} is in at {@code now}. */
    public Session session(LocalDate date, Instant now) {
        if (now.isBefore(opensAt(date)) || !now.isBefore(closesAt(date))) {
            return Session.CLOSED;
        }
        if (now.isBefore(at(date, END_OF_SESSION))) {
            return Session.DAY;
        }
        if (now.isBefore(at(date, cutOff))) {
            return Session.END_OF_SESSION;
        }
        return now.isBefore(takesPaymentsUntil(date)) ? Session.NIGHT : Session.END_OF_DAY;
    }

    /** How long business day {@code date} runs, from its opening to its close. */
    public Duration length(LocalDate date) {
        return Duration.between(opensAt(date), closesAt(date));
    }

    private Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    @Override
    public String toString() {
        return timetable + " " + zone + " cut-off " + cutOff + ", " + holidays.size() + " holidays, " + workdays.size()
                + " working weekend days, netting cycles at " + netCycles;
    }
}
