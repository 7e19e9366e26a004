package io.rmbsim.cluster;

/**
 * This instance now leads settlement under {@code epoch}: what must run once in the cluster (the
 * sequencer, the audit writer, the automatic close) loads its state from the database and starts.
 * Observers run in {@code @Priority} order; one that throws gives leadership back.
 */
public record LeadershipGained(long epoch) {
}
