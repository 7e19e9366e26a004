package io.rmbsim.time;

import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.Closures;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one business calendar of the service, from its configuration: the live service opens and
 * closes its days by it and the simulator places its payments by it, so that a live day replayed in
 * the simulator runs by the same days.
 */
public class CalendarProducer {

    private static final Logger LOG = Logger.getLogger(CalendarProducer.class);
    /** The bundled holidays: the Chinese public holidays of 2026 and 2027. */
    static final String BUNDLED = "calendar/cn-holidays.txt";

    @ConfigProperty(name = "settlement.timetable", defaultValue = "phase-ii")
    String timetable;

    @ConfigProperty(name = "settlement.time-zone")
    Optional<String> zone;

    @ConfigProperty(name = "settlement.cut-off")
    Optional<String> cutOff;

    @ConfigProperty(name = "settlement.holidays-file")
    Optional<String> holidaysFile;

    @ConfigProperty(name = "settlement.dns-cycles", defaultValue = "09:00,11:00,13:00,15:00,17:00")
    String netCycles;

    @Produces
    @Singleton
    BusinessCalendar calendar() {
        BusinessCalendar.Timetable kind = switch (timetable.strip().toLowerCase(Locale.ROOT)) {
            case "phase-ii" -> BusinessCalendar.Timetable.PHASE_II;
            case "day-session" -> BusinessCalendar.Timetable.DAY_SESSION;
            default -> throw new IllegalArgumentException("settlement.timetable is phase-ii or day-session, not '"
                    + timetable + "'");
        };
        BusinessCalendar calendar = new BusinessCalendar(kind, zone.map(ZoneId::of).orElse(BusinessCalendar.BEIJING),
                cutOff.map(LocalTime::parse).orElse(BusinessCalendar.PHASE_II.cutOff()), java.util.Set.of(),
                java.util.Set.of());
        Closures closures = closures();
        calendar = calendar.withClosures(closures.holidays(), closures.workdays()).withNetCycles(cycles());
        LOG.infof("Business calendar: %s", calendar);
        return calendar;
    }

    private java.util.List<LocalTime> cycles() {
        java.util.List<LocalTime> times = new java.util.ArrayList<>();
        for (String t : netCycles.split(",")) {
            if (!t.isBlank() && !t.strip().equalsIgnoreCase("none")) {
                try {
                    times.add(LocalTime.parse(t.strip()));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("settlement.dns-cycles lists times HH:mm separated by commas; '"
                            + t.strip() + "' is not one");
                }
            }
        }
        return times;
    }

    private Closures closures() {
        String file = holidaysFile.map(String::strip).orElse("");
        if (file.equalsIgnoreCase("none")) {
            return Closures.NONE;
        }
        try {
            if (file.isEmpty()) {
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUNDLED)) {
                    if (in == null) {
                        throw new IllegalStateException("the bundled holidays " + BUNDLED + " are missing from the build");
                    }
                    return read(in, BUNDLED);
                }
            }
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                return read(in, file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("settlement.holidays-file " + file + " cannot be read", e);
        }
    }

    private static Closures read(InputStream in, String name) throws IOException {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return Closures.read(reader, name);
        }
    }
}
