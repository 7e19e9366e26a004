package io.rmbsim.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmbsim.participant.ParticipantStatus;
import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.PaymentOrder;
import io.rmbsim.settlement.PaymentStatus;
import io.rmbsim.settlement.Priority;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live driver on the phase II timetable, by a test clock: the day session and the night session
 * belong to one business day, which closes at 08:30 the next morning; a payment taken during end-of-
 * day processing, at a weekend or on a holiday waits, and is released when its business day opens
 * (04:30 after a closure). The journal is not written: what is checked is what the driver and the
 * engine decide, as the sequencer's due steps ({@code runTimetable}) drive them.
 */
class TimetableTest {

    static final String HARBIN = "HCCBCNBHXXX";
    static final String ICBC = "ICBKCNBJXXX";

    /** A clock the test moves, to Beijing times. */
    static final class TestClock extends io.rmbsim.MovingClock {

        TestClock(Instant now) {
            super(now);
        }

        void at(String beijing) {
            now = beijing(beijing);
        }
    }

    static Instant beijing(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    TestClock clock;
    LiveLedger ledger;
    /** Wednesday 2 December 2026 is a holiday in this calendar (not in China's). */
    final BusinessCalendar calendar = BusinessCalendar.PHASE_II.withClosures(Set.of(LocalDate.of(2026, 12, 9)), Set.of());

    @BeforeEach
    void openOnTuesday() {
        clock = new TestClock(beijing("2026-12-01T08:30:00"));
        ledger = new LiveLedger(clock, calendar, 1, 1, 1, LocalDate.of(2026, 12, 1), clock.instant());
        ledger.addMember(HARBIN, true, null, ParticipantStatus.ACTIVE, 1_000_000);
        ledger.addMember(ICBC, true, null, ParticipantStatus.ACTIVE, 1_000_000);
        step();
    }

    /** A batch, as the single writer runs one: its journal is kept in memory. */
    private <T> T batch(java.util.function.Supplier<T> command) {
        ledger.beginBatch(new Journal());
        return command.get();
    }

    private void step() {
        batch(() -> {
            ledger.openIfDue();
            while (ledger.closeIsDue()) {
                ledger.closeDay(false);
                ledger.openIfDue();
            }
            return null;
        });
    }

    private PaymentRow pay(String at) {
        clock.at(at);
        step();
        PaymentOrder order = new PaymentOrder(UUID.randomUUID(), "E2E", HARBIN, ICBC, 100, "CNY", Priority.NORM, null, null,
                null, null, null, null);
        return batch(() -> ledger.accept(order));
    }

    @Test
    void aPaymentAt2200OnATuesdayBelongsToTuesdayWhichClosesAt0830Wednesday() {
        PaymentRow night = pay("2026-12-01T22:00:00");
        assertThat(night.businessDate).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(night.status).isEqualTo(PaymentStatus.SETTLED);
        clock.at("2026-12-02T08:29:59");
        step();
        assertThat(ledger.businessDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        clock.at("2026-12-02T08:30:00");
        step();
        assertThat(ledger.businessDate()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(ledger.isOpenForBusiness()).as("Wednesday opens as Tuesday closes").isTrue();
    }

    @Test
    void aPaymentDuringEndOfDayProcessingWaitsForTheNextDay() {
        PaymentRow late = pay("2026-12-02T08:10:00");
        assertThat(late.businessDate).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(late.status).isEqualTo(PaymentStatus.QUEUED);
        assertThat(ledger.queueSize()).as("not in Tuesday's queue").isZero();
        clock.at("2026-12-02T08:30:00");
        step();
        assertThat(late.status).isEqualTo(PaymentStatus.SETTLED);
    }

    @Test
    void aPaymentOnSaturdayWaitsAndSettlesAt0430Monday() {
        clock.at("2026-12-05T08:30:00");
        step(); // Tuesday to Friday close, each opening the next
        assertThat(ledger.businessDate()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(ledger.isOpenForBusiness()).isFalse();
        PaymentRow saturday = pay("2026-12-05T10:00:00");
        assertThat(saturday.businessDate).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(saturday.status).isEqualTo(PaymentStatus.QUEUED);
        clock.at("2026-12-07T04:29:59");
        step();
        assertThat(saturday.status).isEqualTo(PaymentStatus.QUEUED);
        clock.at("2026-12-07T04:30:00");
        step();
        assertThat(saturday.status).isEqualTo(PaymentStatus.SETTLED);
        assertThat(saturday.settledAt).isEqualTo(beijing("2026-12-07T04:30:00"));
    }

    @Test
    void aListedHolidayIsSkipped() {
        clock.at("2026-12-09T08:30:00");
        step();
        assertThat(ledger.businessDate()).as("Tuesday 8th closed on Wednesday 9th, a holiday").isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(ledger.isOpenForBusiness()).isFalse();
        PaymentRow holiday = pay("2026-12-09T12:00:00");
        assertThat(holiday.businessDate).isEqualTo(LocalDate.of(2026, 12, 10));
        clock.at("2026-12-10T04:30:00");
        step();
        assertThat(holiday.status).isEqualTo(PaymentStatus.SETTLED);
    }

    @Test
    void anOperatorsCloseOpensTheNextDayAtOnce() {
        clock.at("2026-12-04T10:00:00");
        step();
        batch(() -> ledger.closeDay(true));
        assertThat(ledger.businessDate()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(ledger.isOpenForBusiness()).isTrue();
        PaymentRow p = pay("2026-12-04T10:01:00");
        assertThat(p.status).isEqualTo(PaymentStatus.SETTLED);
        assertThat(p.businessDate).isEqualTo(LocalDate.of(2026, 12, 7));
    }
}
