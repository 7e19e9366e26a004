package io.rmbsim.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CountryCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"RU", "CN", "KZ", "MN", "ru", "Cn"})
    void iso3166Alpha2CodesInAnyCaseAreAccepted(String code) {
        assertThat(CountryCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "R", "RUS", "XX", "ZZ", "12", "R1"})
    void anythingElseIsRefused(String code) {
        assertThat(CountryCode.isValid(code)).isFalse();
    }

    @Test
    void normalisingGivesUpperCase() {
        assertThat(CountryCode.normalise("ru")).isEqualTo("RU");
        assertThatThrownBy(() -> CountryCode.normalise("XX")).isInstanceOf(IllegalArgumentException.class);
    }
}
