package io.rmbsim.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeiTest {

    @ParameterizedTest
    @ValueSource(strings = {"969500KSV493XWY0PS33", "5493001KJTIIGC8Y1R12", "7ZW8QJWVPR4P1S5PX088"})
    void publishedLeisVerify(String lei) {
        assertThat(Lei.isValid(lei)).isTrue();
        assertThat(Lei.problemWith(lei)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"969500KSV493XWY0PS34", "5493001KJTIIGC8Y1R21", "7ZW8QJWVPR4P1S5PX089"})
    void wrongCheckDigitsAreRefused(String lei) {
        assertThat(Lei.isValid(lei)).isFalse();
        assertThat(Lei.problemWith(lei)).contains("check digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "969500KSV493XWY0PS3", "969500KSV493XWY0PS333", "969500ksv493xwy0ps33",
            "969500KSV493XWY0PSAB", "969500KSV493XWY0P-33"})
    void wrongShapeIsRefused(String lei) {
        assertThat(Lei.isValid(lei)).isFalse();
        assertThat(Lei.problemWith(lei)).contains("20 characters");
    }
}
