package io.rmbsim.settlement;

/**
 * Why a payment is not taken: its ISO 20022 reason code (ExternalStatusReason1Code) and a sentence
 * for the sender.
 */
public record Refusal(String reasonCode, String text) {

    public Refusal {
        if (reasonCode == null || reasonCode.isBlank() || text == null) {
            throw new IllegalArgumentException("a refusal names its reason code and says why");
        }
    }
}
