package io.rmbsim.settlement;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The days a calendar departs from Monday to Friday: holidays (working days on which settlement is
 * closed) and working weekend days, read from a text file of lines {@code YYYY-MM-DD holiday} or
 * {@code YYYY-MM-DD workday}, each optionally followed by a note; {@code #} starts a comment.
 */
public record Closures(Set<LocalDate> holidays, Set<LocalDate> workdays) {

    public static final Closures NONE = new Closures(Set.of(), Set.of());

    public Closures {
        holidays = Set.copyOf(holidays);
        workdays = Set.copyOf(workdays);
    }

    /** Reads the file; an unreadable line fails with its number and what is wrong with it. */
    public static Closures read(Reader source, String name) throws IOException {
        Set<LocalDate> holidays = new TreeSet<>();
        Set<LocalDate> workdays = new TreeSet<>();
        BufferedReader lines = new BufferedReader(source);
        int number = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            number++;
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] words = content.split("\\s+", 3);
            LocalDate date;
            try {
                date = LocalDate.parse(words[0]);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " line " + number + ": '" + words[0] + "' is not a date YYYY-MM-DD");
            }
            String kind = words.length > 1 ? words[1] : "";
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            switch (kind) {
                case "holiday" -> {
                    if (!weekend) {
                        holidays.add(date);
                    }
                }
                case "workday" -> {
                    if (!weekend) {
                        throw new IllegalArgumentException(name + " line " + number + ": " + date
                                + " is a weekday; only a weekend day can be listed as a working day");
                    }
                    workdays.add(date);
                }
                default -> throw new IllegalArgumentException(name + " line " + number
                        + ": after the date comes 'holiday' or 'workday', not '" + kind + "'");
            }
        }
        Set<LocalDate> both = new TreeSet<>(holidays);
        both.retainAll(workdays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException(name + ": listed both as holiday and as working day: " + both);
        }
        return new Closures(holidays, workdays);
    }
}
