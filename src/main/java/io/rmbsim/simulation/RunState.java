package io.rmbsim.simulation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A run as a caller sees it, from memory while it waits or runs and from the store once it has ended;
 * {@code placeInLine} only while it waits (1: the next to start).
 */
public record RunState(UUID id, String owner, String scenario, Simulations.Status status, BigDecimal progress,
        Instant createdAt, String error, Integer placeInLine) {
}
