package io.rmbsim.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IsoAmountTest {

    @Test
    void formatsFenWithExactlyTwoFractionDigits() {
        assertThat(IsoAmount.format(0)).isEqualTo("0.00");
        assertThat(IsoAmount.format(1)).isEqualTo("0.01");
        assertThat(IsoAmount.format(99)).isEqualTo("0.99");
        assertThat(IsoAmount.format(100)).isEqualTo("1.00");
        assertThat(IsoAmount.format(12_500_000)).isEqualTo("125000.00");
        assertThat(IsoAmount.format(12_345_678_901_299L)).isEqualTo("123456789012.99");
    }

    @Test
    void formatsNegativeFen() {
        assertThat(IsoAmount.format(-150)).isEqualTo("-1.50");
        assertThat(IsoAmount.format(-1)).isEqualTo("-0.01");
        assertThat(IsoAmount.format(Long.MIN_VALUE)).isEqualTo("-92233720368547758.08");
    }
}
