package io.rmbsim.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmbsim.settlement.BusinessCalendar.Session;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The calendar both drivers place payments by: the phase II 5x24+4 timetable, the short day, holidays. */
class BusinessCalendarTest {

    static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);
    static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    final BusinessCalendar phaseTwo = BusinessCalendar.PHASE_II;
    final BusinessCalendar shortDay = BusinessCalendar.DAY_SESSION;

    static Instant beijing(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    @Test
    void aPhaseTwoDayRunsFrom0830ToTheNextMorningAt0830() {
        assertThat(phaseTwo.opensAt(TUESDAY)).isEqualTo(beijing("2026-12-01T08:30:00"));
        assertThat(phaseTwo.closesAt(TUESDAY)).isEqualTo(beijing("2026-12-02T08:30:00"));
        assertThat(phaseTwo.takesPaymentsUntil(TUESDAY)).isEqualTo(beijing("2026-12-02T08:00:00"));
        assertThat(phaseTwo.length(TUESDAY)).hasHours(24);
    }

    @Test
    void aPaymentAt2200OnATuesdayBelongsToTuesday() {
        assertThat(phaseTwo.openAt(beijing("2026-12-01T22:00:00"))).isEqualTo(TUESDAY);
        assertThat(phaseTwo.openAt(beijing("2026-12-02T07:59:59"))).isEqualTo(TUESDAY);
        // end-of-day processing: the next business day's
        assertThat(phaseTwo.openAt(beijing("2026-12-02T08:00:00"))).isEqualTo(WEDNESDAY);
    }

    @Test
    void theSessionsOfADay() {
        assertThat(phaseTwo.session(TUESDAY, beijing("2026-12-01T08:29:59"))).isEqualTo(Session.CLOSED);
        assertThat(phaseTwo.session(TUESDAY, beijing("2026-12-01T08:30:00"))).isEqualTo(Session.DAY);
        assertThat(phaseTwo.session(TUESDAY, beijing("2026-12-01T17:00:00"))).isEqualTo(Session.END_OF_SESSION);
        assertThat(phaseTwo.session(TUESDAY, beijing("2026-12-01T17:30:00"))).isEqualTo(Session.NIGHT);
        assertThat(phaseTwo.session(TUESDAY, beijing("2026-12-02T03:00:00"))).isEqualTo(Session.NIGHT);
        assertThat(phaseTwo.session(TUESDAY, beijing("2026-12-02T08:00:00"))).isEqualTo(Session.END_OF_DAY);
        assertThat(phaseTwo.session(TUESDAY, beijing("2026-12-02T08:30:00"))).isEqualTo(Session.CLOSED);
    }

    @Test
    void aWeekendPaymentBelongsToMondayWhichOpensAt0430() {
        assertThat(phaseTwo.closesAt(FRIDAY)).isEqualTo(beijing("2026-12-05T08:30:00"));
        assertThat(phaseTwo.openAt(beijing("2026-12-05T10:00:00"))).isEqualTo(MONDAY);
        assertThat(phaseTwo.openAt(beijing("2026-12-07T03:00:00"))).isEqualTo(MONDAY);
        assertThat(phaseTwo.opensAt(MONDAY)).isEqualTo(beijing("2026-12-07T04:30:00"));
        assertThat(phaseTwo.opensAt(LocalDate.of(2026, 12, 8))).isEqualTo(beijing("2026-12-08T08:30:00"));
        assertThat(phaseTwo.session(MONDAY, beijing("2026-12-07T04:30:00"))).isEqualTo(Session.DAY);
    }

    @Test
    void aListedHolidayIsSkippedAndTheDayAfterOpensEarly() throws Exception {
        // 2026-10-01 to 10-07 National Day, 10-10 a Saturday worked
        Closures closures = Closures.read(new StringReader("""
                # National Day
                2026-10-01 holiday
                2026-10-02 holiday  a note
                2026-10-05 holiday
                2026-10-06 holiday
                2026-10-07 holiday
                2026-10-10 workday  make-up
                """), "test");
        BusinessCalendar cn = phaseTwo.withClosures(closures.holidays(), closures.workdays());
        LocalDate lastBefore = LocalDate.of(2026, 9, 30);
        assertThat(cn.nextBusinessDay(lastBefore)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(cn.openAt(beijing("2026-10-03T12:00:00"))).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(cn.opensAt(LocalDate.of(2026, 10, 8))).isEqualTo(beijing("2026-10-08T04:30:00"));
        assertThat(cn.isBusinessDay(LocalDate.of(2026, 10, 10))).as("a make-up Saturday is worked").isTrue();
        assertThat(cn.opensAt(LocalDate.of(2026, 10, 12))).as("Monday after a worked Sunday? no: Sunday 11th is off")
                .isEqualTo(beijing("2026-10-12T04:30:00"));
        assertThat(cn.opensAt(LocalDate.of(2026, 10, 10))).as("the worked Saturday follows a working Friday")
                .isEqualTo(beijing("2026-10-10T08:30:00"));
    }

    @Test
    void theBundledHolidaysAreThoseOf2026And2027() throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream("calendar/cn-holidays.txt")) {
            Closures c = Closures.read(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8), "bundled");
            assertThat(c.holidays()).contains(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 16), LocalDate.of(2026, 10, 8).minusDays(1),
                    LocalDate.of(2027, 2, 8), LocalDate.of(2027, 9, 15));
            assertThat(c.holidays()).as("weekend days are closed anyway").noneMatch(d -> d.getDayOfWeek().getValue() >= 6);
            assertThat(c.workdays()).containsExactlyInAnyOrder(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14),
                    LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
        }
    }

    @Test
    void aBadLineIsNamedWithItsNumber() {
        assertThatThrownBy(() -> Closures.read(new StringReader("2026-10-01 holiday\n2026-13-01 holiday\n"), "f"))
                .hasMessageContaining("f line 2");
        assertThatThrownBy(() -> Closures.read(new StringReader("2026-10-01 festival\n"), "f"))
                .hasMessageContaining("'holiday' or 'workday'");
        assertThatThrownBy(() -> Closures.read(new StringReader("2026-10-01 workday\n"), "f"))
                .hasMessageContaining("only a weekend day");
    }

    @Test
    void theShortDayClosesAt1730AndTheNextOpensAtOnce() {
        assertThat(shortDay.closesAt(LocalDate.of(2021, 6, 30))).isEqualTo(Instant.parse("2021-06-30T09:30:00Z"));
        assertThat(shortDay.openAt(Instant.parse("2021-06-30T09:29:59Z"))).isEqualTo(LocalDate.of(2021, 6, 30));
        assertThat(shortDay.openAt(Instant.parse("2021-06-30T09:30:00Z"))).isEqualTo(LocalDate.of(2021, 7, 1));
        // Friday evening in Beijing: Monday is next, and open already
        assertThat(shortDay.openAt(Instant.parse("2021-07-02T10:00:00Z"))).isEqualTo(LocalDate.of(2021, 7, 5));
        assertThat(shortDay.opensAt(LocalDate.of(2021, 7, 5))).isEqualTo(shortDay.closesAt(LocalDate.of(2021, 7, 2)));
        assertThat(shortDay.openAt(Instant.parse("2021-07-03T02:00:00Z"))).isEqualTo(LocalDate.of(2021, 7, 5));
        assertThat(shortDay.nextBusinessDay(LocalDate.of(2021, 7, 2))).isEqualTo(LocalDate.of(2021, 7, 5));
        assertThat(shortDay.nextBusinessDay(LocalDate.of(2021, 7, 5))).isEqualTo(LocalDate.of(2021, 7, 6));
    }

    @Test
    void phaseTwoNeedsACutOffAfterTheEndOfSessionProcessing() {
        assertThatThrownBy(() -> new BusinessCalendar(BusinessCalendar.Timetable.PHASE_II, BusinessCalendar.BEIJING,
                java.time.LocalTime.of(16, 0), Set.of(), Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
