package io.rmbsim.simulation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** Business days of a simulation: a payment belongs to the date of its time in the zone; each day ends at the cut-off. */
public record SimulationCalendar(ZoneId zone, LocalTime cutOff) {

    public static final SimulationCalendar CIPS = new SimulationCalendar(ZoneId.of("Asia/Shanghai"), LocalTime.of(17, 30));

    /** The day number (epoch day in the zone) of an epoch second. */
    public long dayOf(long epochSecond) {
        return Math.floorDiv(epochSecond + zone.getRules().getOffset(java.time.Instant.ofEpochSecond(epochSecond)).getTotalSeconds(), 86_400L);
    }

    /** The epoch second at which day {@code day} closes. */
    public long endOf(long day) {
        return LocalDate.ofEpochDay(day).atTime(cutOff).atZone(zone).toEpochSecond();
    }
}
