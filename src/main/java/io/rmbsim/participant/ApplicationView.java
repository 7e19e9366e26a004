package io.rmbsim.participant;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Application")
public record ApplicationView(
        UUID id,
        @Schema(example = "AMURRUB0XXX") String bic,
        String name,
        @Schema(example = "RU") String country,
        String lei,
        @Schema(example = "HCCBCNBHXXX") String settlementAgent,
        InstitutionType institutionType,
        ApplicationStatus status,
        @Schema(description = "Why it was rejected") String reason,
        Instant submittedAt,
        Instant decidedAt,
        @Schema(description = "The participant created by approval: its BIC") String participant) {

    static ApplicationView of(OnboardingApplication a) {
        return new ApplicationView(a.id, a.bic, a.name, a.country, a.lei, a.settlementAgent, a.institutionType, a.status,
                a.decisionReason, a.submittedAt, a.decidedAt, a.status == ApplicationStatus.APPROVED ? a.bic : null);
    }
}
