package io.rmbsim.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One audit entry and the rule of the chain: its hash is SHA-256 over the previous entry's hash and
 * every field of its own, in a fixed order, so that any change to an entry, or a removed or inserted
 * one, shows as a broken link.
 */
public record AuditRecord(long seq, Instant at, String actor, String role, String bic, String method, String path,
        int status, String outcome, String resource, String prevHash, String hash) {

    /** The hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    public static String hashOf(String prevHash, long seq, Instant at, String actor, String role, String bic, String method,
            String path, int status, String outcome, String resource) {
        String content = String.join("\u001f", prevHash, Long.toString(seq), at.toString(), actor, String.valueOf(role),
                String.valueOf(bic), method, path, Integer.toString(status), outcome, String.valueOf(resource));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether this entry's hash is right for its content and the given previous hash. */
    public boolean verifies(String expectedPrevHash) {
        return prevHash.equals(expectedPrevHash)
                && hash.equals(hashOf(prevHash, seq, at, actor, role, bic, method, path, status, outcome, resource));
    }
}
