package io.rmbsim.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WideSumTest {

    @Test
    void sumsProductsPastALongsRangeExactly() {
        WideSum sum = new WideSum();
        BigInteger expected = BigInteger.ZERO;
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            // up to the largest amount the service takes (99,999,999,999,999 fen) times four days of seconds
            long value = (random.nextLong() >>> 1) % 100_000_000_000_000L;
            long seconds = random.nextInt(4 * 86_400);
            sum.add(value, seconds);
            expected = expected.add(BigInteger.valueOf(value).multiply(BigInteger.valueOf(seconds)));
        }
        assertThat(expected.bitLength()).as("the test really passes a long's range").isGreaterThan(63);
        assertThat(sum.value()).isEqualTo(expected);
    }

    @Test
    void carriesOutOfTheLowWord() {
        WideSum sum = new WideSum();
        sum.add(Long.MAX_VALUE, 2); // 2^64 - 2
        sum.add(1, 2);              // 2^64
        assertThat(sum.value()).isEqualTo(BigInteger.ONE.shiftLeft(64));
    }
}
