package io.rmbsim.settlement;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Business days and the day's cut-off: the one calendar both drivers place payments by. CIPS works
 * on working days; after the phase II day session (08:30-17:30 Beijing time) the day is closed and
 * the next business day opens at once. A payment belongs to the business day open when it arrives
 * ({@link #openAt}): after the cut-off, or on a weekend, that is the next business day. Holidays and
 * the phase II sessions are not modelled yet; {@link #isBusinessDay} and {@link #openAt} are where
 * they will go, so that neither driver needs to change.
 */
public record BusinessCalendar(ZoneId zone, LocalTime cutOff) {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** CIPS phase II as this service models it: Beijing time, the day closing at 17:30. */
    public static final BusinessCalendar CIPS = new BusinessCalendar(BEIJING, LocalTime.of(17, 30));

    public BusinessCalendar {
        if (zone == null || cutOff == null) {
            throw new IllegalArgumentException("a business calendar needs a time zone and a cut-off");
        }
    }

    public static BusinessCalendar cipsPhaseTwo() {
        return CIPS;
    }

    /** Whether settlement works on {@code date}: Monday to Friday. */
    public boolean isBusinessDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
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

    /** The business day that is open at {@code now}: today before the cut-off on a working day, else the next one. */
    public LocalDate openAt(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        return isBusinessDay(today) && local.toLocalTime().isBefore(cutOff) ? today : nextBusinessDay(today);
    }

    /** {@link #openAt} for an epoch second, as the business day's epoch day (the simulator's day number). */
    public long openAt(long epochSecond) {
        return openAt(Instant.ofEpochSecond(epochSecond)).toEpochDay();
    }

    /** When the business day {@code date} closes by itself. */
    public Instant cutOffOf(LocalDate date) {
        return date.atTime(cutOff).atZone(zone).toInstant();
    }

    /** {@link #cutOffOf} for a business day given as its epoch day, in epoch seconds. */
    public long cutOffOf(long epochDay) {
        return cutOffOf(LocalDate.ofEpochDay(epochDay)).getEpochSecond();
    }
}
