package io.rmbsim.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void fenAreWrittenWithExactlyTwoFractionDigits() {
        assertThat(Money.format(0)).isEqualTo("0.00");
        assertThat(Money.format(1)).isEqualTo("0.01");
        assertThat(Money.format(99)).isEqualTo("0.99");
        assertThat(Money.format(100)).isEqualTo("1.00");
        assertThat(Money.format(12_500_000)).isEqualTo("125000.00");
        assertThat(Money.format(Money.MAX_FEN)).isEqualTo("999999999999.99");
        assertThat(Money.format(-150)).isEqualTo("-1.50");
        assertThat(Money.format(Long.MIN_VALUE)).isEqualTo("-92233720368547758.08");
    }

    @Test
    void contractAmountsAreReadExactly() {
        assertThat(Money.parseFen("125000.00")).isEqualTo(12_500_000);
        assertThat(Money.parseFen("125000.5")).isEqualTo(12_500_050);
        assertThat(Money.parseFen("7")).isEqualTo(700);
        assertThat(Money.parseFen("0.01")).isEqualTo(1);
        assertThat(Money.parseFen("999999999999.99")).isEqualTo(Money.MAX_FEN);
        assertThat(Money.parseFen("0.10")).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1.00", "1.001", "1e3", "1,00", " 1.00", "1000000000000.00", "0x10", "1.", ".5", "NaN"})
    void anythingElseIsRefused(String text) {
        assertThat(Money.isAmount(text)).isFalse();
        assertThatThrownBy(() -> Money.parseFen(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
