package io.rmbsim.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BicTest {

    @Test
    void bic8IsNormalisedToBic11InUpperCase() {
        assertThat(Bic.parse("hccbcnbh").value()).isEqualTo("HCCBCNBHXXX");
        assertThat(Bic.parse("HCCBCNBH").value()).isEqualTo("HCCBCNBHXXX");
    }

    @Test
    void bic11KeepsItsBranchCode() {
        assertThat(Bic.parse("bkchcnbj500").value()).isEqualTo("BKCHCNBJ500");
    }

    @Test
    void countryIsReadFromTheBic() {
        assertThat(Bic.parse("VHSBRUV0").country()).isEqualTo("RU");
    }

    @Test
    void locationCodeEndingInZeroMarksATestBic() {
        assertThat(Bic.parse("VHSBRUV0").isTestBic()).isTrue();
        assertThat(Bic.parse("HCCBCNBH").isTestBic()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "HCCBCNB", "HCCBCNBHX", "HCCBCNBHXX", "HCCBCNBHXXXX", "HCCB1NBHXXX", "HCC-CNBHXXX",
            "HCCBCNBH XX", "ÄCCBCNBHXXX", "HCCBCNBH\nXX"})
    void syntaxOtherThanIso9362IsRefused(String raw) {
        assertThat(Bic.isValid(raw)).isFalse();
        assertThatThrownBy(() -> Bic.parse(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullIsNotABic() {
        assertThat(Bic.isValid(null)).isFalse();
    }
}
