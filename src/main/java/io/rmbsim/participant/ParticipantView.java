package io.rmbsim.participant;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participant as the API shows it. */
@Schema(name = "Participant")
public record ParticipantView(
        @Schema(example = "HCCBCNBHXXX") String bic,
        @Schema(example = "Harbin Bank Co., Ltd.") String name,
        @Schema(example = "CN") String country,
        Participation participation,
        @Schema(example = "HCCBCNBHXXX") String settlementAgent,
        String cipsId,
        String lei,
        InstitutionType institutionType,
        ParticipantStatus status,
        @Schema(description = "True for invented demo data (names and BICs of seeded foreign banks)") boolean illustrative,
        Instant createdAt,
        Instant updatedAt) {

    static ParticipantView of(Participant p) {
        return new ParticipantView(p.bic, p.name, p.country, p.participation, p.settlementAgent, p.cipsId, p.lei,
                p.institutionType, p.status, p.illustrative, p.createdAt, p.updatedAt);
    }
}
