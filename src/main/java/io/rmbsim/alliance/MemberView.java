package io.rmbsim.alliance;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AllianceMember")
public record MemberView(
        UUID id,
        @Schema(example = "Harbin Bank Co., Ltd.") String name,
        MemberCategory category,
        @Schema(example = "CN") String country,
        @Schema(example = "HCCBCNBHXXX") String bic,
        String lei,
        @Schema(example = "2019-11-15") LocalDate joinedOn,
        LocalDate leftOn,
        MembershipStatus status,
        @Schema(description = "True for invented demo data") boolean illustrative) {

    static MemberView of(AllianceMember m) {
        return new MemberView(m.id, m.name, m.category, m.country, m.bic, m.lei, m.joinedOn, m.leftOn, m.status,
                m.illustrative);
    }
}
