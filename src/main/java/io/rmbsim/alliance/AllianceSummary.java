package io.rmbsim.alliance;

import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The alliance as it stands today, or as it stood on {@code asOf}. */
@Schema(name = "AllianceSummary")
public record AllianceSummary(
        @Schema(example = "2021-08-31", description = "The date the figures hold for") LocalDate asOf,
        @Schema(example = "72") long activeMembers,
        @Schema(description = "Active members per category; every category is listed, zero included",
                example = "{\"BANK\": 40, \"TRUST\": 10, \"FUND\": 12, \"INSURER\": 10}") Map<MemberCategory, Long> byCategory,
        @Schema(description = "Active members per ISO 3166 country", example = "{\"CN\": 33, \"RU\": 37}") Map<String, Long> byCountry) {
}
