package io.rmbsim.access;

/**
 * The banks a member token may name: those of the participant directory. Declared here and
 * implemented by the directory, so that access (which every resource uses) does not import it.
 */
public interface KnownBanks {

    /** The BIC as the directory has it; a 404 problem when no participant has it. */
    String registered(String bic);

    /** The INDIRECT participants whose settlement agent {@code agent} is (whatever their status); none if it is none's. */
    java.util.Set<String> indirectsOf(String agent);
}
