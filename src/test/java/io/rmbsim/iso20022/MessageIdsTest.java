package io.rmbsim.iso20022;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void hundredThousandIdsFromSeveralThreadsAreDistinctAndFit() throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String prefix = t % 2 == 0 ? "RMBSIMCIPS12" : "C029";
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 12_500; i++) {
                        ids.add(MessageIds.next(prefix));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).hasSize(100_000);
        assertThat(ids).allSatisfy(id -> {
            assertThat(id.length()).isLessThanOrEqualTo(35);
            assertThat(id).matches("[A-Za-z0-9-]+").doesNotEndWith("-");
        });
    }

    @Test
    void startsWithThePrefix() {
        assertThat(MessageIds.next("P004")).startsWith("P004-").hasSize(5 + 20);
        assertThat(MessageIds.next("CIPS-R")).startsWith("CIPS-R-");
    }

    @Test
    void refusesAPrefixThatWouldNotFitOrNotBeAnId() {
        assertThatThrownBy(() -> MessageIds.next("ABCDEFGHIJKLM")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageIds.next("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageIds.next(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageIds.next("A B")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageIds.next("AB-")).isInstanceOf(IllegalArgumentException.class);
    }
}
