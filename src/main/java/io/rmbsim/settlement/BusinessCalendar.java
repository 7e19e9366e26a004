package io.rmbsim.settlement;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Business days and the day's cut-off. CIPS works on working days; after the phase II day session
 * (08:30-17:30 Beijing time) the day is closed and the next business day opens at once. Holidays
 * are not modelled: every Monday to Friday is a business day.
 */
public record BusinessCalendar(ZoneId zone, LocalTime cutOff) {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public static BusinessCalendar cipsPhaseTwo() {
        return new BusinessCalendar(BEIJING, LocalTime.of(17, 30));
    }

    /** The business day after {@code date}: the next Monday to Friday. */
    public static LocalDate nextBusinessDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** The business day that is open at {@code now}: today before the cut-off on a working day, else the next one. */
    public LocalDate openAt(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        boolean working = today.getDayOfWeek() != DayOfWeek.SATURDAY && today.getDayOfWeek() != DayOfWeek.SUNDAY;
        return working && local.toLocalTime().isBefore(cutOff) ? today : nextBusinessDay(today);
    }

    /** When the business day {@code date} closes by itself. */
    public Instant cutOffOf(LocalDate date) {
        return date.atTime(cutOff).atZone(zone).toInstant();
    }
}
