package io.rmbsim.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReturnRuleTest {

    static final UUID ORIGINAL = UUID.fromString("00000000-0000-4000-8000-000000000001");
    /** 1,000.00 CNY from A to B. */
    static final PaymentOrder PAID = order(ORIGINAL, "AAAACNBJXXX", "BBBBCNBJXXX", 100_000, "CNY", TransferKind.CUSTOMER, null);

    static PaymentOrder order(UUID uetr, String from, String to, long fen, String currency, TransferKind kind, UUID returnOf) {
        return new PaymentOrder(uetr, "E", from, to, fen, currency, Priority.NORM, null, null, null, null, null, null,
                SettlementType.RTGS, kind, returnOf);
    }

    static PaymentOrder back(long fen) {
        return order(UUID.randomUUID(), "BBBBCNBJXXX", "AAAACNBJXXX", fen, "CNY", TransferKind.RETURN, ORIGINAL);
    }

    @Test
    void aSettledPaymentGoesBackUpToWhatIsLeftOfIt() {
        assertThat(ReturnRule.check(back(100_000), PAID, PaymentStatus.SETTLED, 0)).isNull();
        // 400.00 returned already: 600.00 fits, 600.01 does not
        assertThat(ReturnRule.check(back(60_000), PAID, PaymentStatus.SETTLED, 40_000)).isNull();
        ReturnRule.Refused beyond = ReturnRule.check(back(60_001), PAID, PaymentStatus.SETTLED, 40_000);
        assertThat(beyond.kind()).isEqualTo(SettlementRefused.Kind.CONFLICT);
        assertThat(beyond.refusal().reasonCode()).isEqualTo("AM09");
        assertThat(beyond.refusal().text()).contains("1000.00 CNY", "400.00");
    }

    @Test
    void anUnknownUnsettledMisdirectedOrForeignCurrencyReturnIsRefusedWithItsReason() {
        assertThat(ReturnRule.check(back(1), null, null, 0).kind()).isEqualTo(SettlementRefused.Kind.NOT_FOUND);
        assertThat(ReturnRule.check(back(1), null, null, 0).refusal().reasonCode()).isEqualTo("NOOR");
        ReturnRule.Refused queued = ReturnRule.check(back(1), PAID, PaymentStatus.QUEUED, 0);
        assertThat(queued.refusal().reasonCode()).isEqualTo("NARR");
        assertThat(queued.refusal().text()).contains("can be cancelled");
        assertThat(ReturnRule.check(back(1), PAID, PaymentStatus.REJECTED, 0).refusal().reasonCode()).isEqualTo("NARR");
        PaymentOrder sameWay = order(UUID.randomUUID(), "AAAACNBJXXX", "BBBBCNBJXXX", 1, "CNY", TransferKind.RETURN, ORIGINAL);
        assertThat(ReturnRule.check(sameWay, PAID, PaymentStatus.SETTLED, 0).refusal().reasonCode()).isEqualTo("AGNT");
        PaymentOrder dollars = order(UUID.randomUUID(), "BBBBCNBJXXX", "AAAACNBJXXX", 1, "USD", TransferKind.RETURN, ORIGINAL);
        assertThat(ReturnRule.check(dollars, PAID, PaymentStatus.SETTLED, 0).refusal().reasonCode()).isEqualTo("AM03");
        assertThatThrownBy(() -> ReturnRule.check(PAID, PAID, PaymentStatus.SETTLED, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
