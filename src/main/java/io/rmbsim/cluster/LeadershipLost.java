package io.rmbsim.cluster;

/**
 * This instance no longer leads settlement: what runs once in the cluster stops here. {@code orderly}
 * when it gives leadership up itself (the service is stopping) and still holds the epoch, so what it
 * has in hand may be finished; otherwise another instance may already be writing, and nothing more
 * is written from here.
 */
public record LeadershipLost(long epoch, boolean orderly) {
}
