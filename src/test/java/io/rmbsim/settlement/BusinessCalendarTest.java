package io.rmbsim.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    final BusinessCalendar cips = BusinessCalendar.cipsPhaseTwo();

    @Test
    void theDayClosesAt1730BeijingTime() {
        assertThat(cips.cutOffOf(LocalDate.of(2021, 6, 30))).isEqualTo(Instant.parse("2021-06-30T09:30:00Z"));
    }

    @Test
    void beforeTheCutOffOnAWorkingDayTodayIsOpen() {
        assertThat(cips.openAt(Instant.parse("2021-06-30T09:29:59Z"))).isEqualTo(LocalDate.of(2021, 6, 30));
    }

    @Test
    void afterTheCutOffTheNextBusinessDayIsOpen() {
        assertThat(cips.openAt(Instant.parse("2021-06-30T09:30:00Z"))).isEqualTo(LocalDate.of(2021, 7, 1));
        // Friday evening in Beijing: Monday is next
        assertThat(cips.openAt(Instant.parse("2021-07-02T10:00:00Z"))).isEqualTo(LocalDate.of(2021, 7, 5));
    }

    @Test
    void weekendsAreNotBusinessDays() {
        assertThat(cips.openAt(Instant.parse("2021-07-03T02:00:00Z"))).isEqualTo(LocalDate.of(2021, 7, 5));
        assertThat(cips.nextBusinessDay(LocalDate.of(2021, 7, 2))).isEqualTo(LocalDate.of(2021, 7, 5));
        assertThat(cips.nextBusinessDay(LocalDate.of(2021, 7, 5))).isEqualTo(LocalDate.of(2021, 7, 6));
    }
}
