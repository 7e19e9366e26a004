package io.rmbsim.identifier;

import java.util.regex.Pattern;

/**
 * A Legal Entity Identifier (ISO 17442): 18 alphanumeric characters and two check digits computed by
 * ISO 7064 MOD 97-10 over the whole code, letters counting A=10 .. Z=35.
 */
public final class Lei {

    private static final Pattern LEI = Pattern.compile("[A-Z0-9]{18}[0-9]{2}");

    private Lei() {
    }

    public static boolean isValid(String raw) {
        return raw != null && LEI.matcher(raw).matches() && mod97(raw) == 1;
    }

    /** Why {@code raw} is not a LEI, or {@code null} when it is one. */
    public static String problemWith(String raw) {
        if (raw == null || !LEI.matcher(raw).matches()) {
            return "must be 20 characters: 18 upper-case letters or digits and 2 check digits (ISO 17442)";
        }
        return mod97(raw) == 1 ? null : "check digits do not verify (ISO 7064 MOD 97-10)";
    }

    private static int mod97(String code) {
        int remainder = 0;
        for (int i = 0; i < code.length(); i++) {
            int digitValue = Character.digit(code.charAt(i), 36);
            remainder = digitValue > 9 ? (remainder * 100 + digitValue) % 97 : (remainder * 10 + digitValue) % 97;
        }
        return remainder;
    }
}
