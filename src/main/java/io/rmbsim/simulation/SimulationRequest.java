package io.rmbsim.simulation;

import io.rmbsim.settlement.SettlementMode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.rmbsim.money.Money;
import java.io.IOException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rmbsim.web.validation.ValidBic;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A simulation: a built-in scenario, the caller's own payments or a closed live business day to
 * replay, under one or more settlement modes.
 */
@Schema(name = "SimulationRequest")
public record SimulationRequest(
        @Schema(example = "harbin-ftz-2021h1", enumeration = {"harbin-ftz-2021h1", "cips-2023-day", "cips-2023-year"}) String scenario,
        @JsonDeserialize(using = WholeNumber.class) @Schema(example = "42", description = "A whole number; needed "
                + "except for a replay") Long seed,
        @NotEmpty @Size(max = SimulationRequest.MAX_MODES) List<@NotNull SettlementMode> modes,
        @Schema(description = "\"UPPER_BOUND\" (default), \"LOWER_BOUND\", a fraction 0.0..1.0 between them, or {\"<BIC>\": \"amount\"}",
                example = "0.5") JsonNode liquidity,
        @Size(max = SimulationRequest.MAX_PARTICIPANTS) List<@Valid @NotNull InlineParticipant> participants,
        @Size(max = SimulationRequest.MAX_PAYMENTS) List<@Valid @NotNull InlinePayment> payments,
        @Min(0) @Max(1_440) @Schema(example = "30", description = "RTGS_LSM: minutes between multilateral offsets (0: end of day only)") Integer lsmIntervalMinutes,
        @Min(0) @Max(1_440) @Schema(example = "0", description = "DNS: cycle length in minutes (0: one cycle, at end of day)") Integer dnsCycleMinutes,
        @Schema(defaultValue = "STRICT_FIFO", description = "STRICT_FIFO: a queued payment that cannot be covered holds up "
                + "those behind it; FIFO_BYPASS: a NORM payment that cannot be covered does not block later ones that can "
                + "(HIGH payments stay strictly first in, first out), as TARGET2 treats normal payments")
        io.rmbsim.settlement.QueueDiscipline queueDiscipline,
        @Size(max = SimulationRequest.MAX_SWEEP) @Schema(description = "Liquidity levels (fractions 0.0..1.0) to run the scenario at, for the delay-versus-liquidity curve",
                example = "[0, 0.25, 0.5, 0.75, 1]") List<@NotNull JsonNode> sweep,
        @Size(min = 2, max = SimulationRequest.MAX_SEEDS) @JsonDeserialize(contentUsing = WholeNumber.class)
        @Schema(description = "A built-in scenario under each of these seeds too: each measure's mean and 95 % "
                + "confidence interval per mode (seedStatistics)", example = "[1, 2, 3, 4, 5]") List<@NotNull Long> seeds,
        @Size(max = SimulationRequest.MAX_EVENTS) @Schema(description = "Stress events at their times; the report then "
                + "also gives the run without them and each participant's change (stress)") List<@Valid @NotNull StressEvent> events,
        @Valid @Schema(description = "Replay a closed live business day (operators and auditors): its participants, "
                + "opening balances, liquidity movements and payments with their acceptance times as the input; "
                + "liquidity LIVE (the default) is the day's own") Replay replay) {

    /** The closed live business day to replay. */
    @RegisterForReflection // read by Jackson from a nested object
    @Schema(name = "SimulationReplay")
    public record Replay(@NotNull @Pattern(regexp = "[0-9]{4}-[0-9]{2}-[0-9]{2}", message = "must be a date YYYY-MM-DD")
            @Schema(example = "2026-12-02") String businessDate) {
    }

    /** The caps of a request, JSON or CSV alike. */
    public static final int MAX_MODES = 3;
    public static final int MAX_PARTICIPANTS = 5_000;
    public static final int MAX_PAYMENTS = 200_000;
    public static final int MAX_SWEEP = 21;
    public static final int MAX_SEEDS = 20;
    public static final int MAX_EVENTS = 1_000;

    /** A JSON integer and nothing else: {@code 1.9} and {@code 1e3} are not seeds (Jackson would truncate or convert them). */
    @RegisterForReflection
    public static final class WholeNumber extends StdDeserializer<Long> {

        public WholeNumber() {
            super(Long.class);
        }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
                    || p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
                return (Long) context.handleUnexpectedToken(Long.class, p);
            }
            return p.getLongValue();
        }
    }

    @Schema(name = "SimulationParticipant")
    public record InlineParticipant(
            @NotNull @ValidBic @Schema(example = "VHSBRUV0XXX") String bic,
            @NotNull @Pattern(regexp = "DIRECT|INDIRECT", message = "must be DIRECT or INDIRECT") String participation,
            @ValidBic @Schema(example = "HCCBCNBHXXX") String settlementAgent,
            @Pattern(regexp = Money.AMOUNT_PATTERN, message = Money.AMOUNT_MESSAGE)
            @Schema(example = "1000000.00") String liquidity) {
    }

    /**
     * A stress event: {@code OUTAGE} (bic, from, to: the bank sends nothing in that span, then what it
     * would have sent, in order), {@code LIQUIDITY_SHOCK} (bic or every bank, at, fraction: that share of
     * the balance leaves the account) or {@code PAYMENT} (time, debtorAgent, creditorAgent, amount,
     * priority: one more payment).
     */
    @RegisterForReflection // read by Jackson from a nested list
    @Schema(name = "StressEvent")
    public record StressEvent(
            @NotNull @Pattern(regexp = "OUTAGE|LIQUIDITY_SHOCK|PAYMENT", message = "must be OUTAGE, LIQUIDITY_SHOCK or PAYMENT")
            @Schema(example = "OUTAGE") String type,
            @ValidBic @Schema(example = "VHSBRUV0XXX") String bic,
            @Schema(example = "2021-03-01T10:00:00+08:00") String from,
            @Schema(example = "2021-03-01T12:00:00+08:00") String to,
            @Schema(example = "2021-03-01T11:00:00+08:00") String at,
            @Pattern(regexp = "0(\\.[0-9]{1,6})?|1(\\.0{1,6})?", message = "must be a fraction from 0 to 1 with at most 6 decimals")
            @Schema(example = "0.5") String fraction,
            @Schema(example = "2021-03-01T11:30:00+08:00") String time,
            @ValidBic String debtorAgent,
            @ValidBic String creditorAgent,
            @Pattern(regexp = Money.AMOUNT_PATTERN, message = Money.AMOUNT_MESSAGE) String amount,
            @Pattern(regexp = "HIGH|NORM", message = "must be HIGH or NORM") String priority) {
    }

    @Schema(name = "SimulationPayment")
    public record InlinePayment(
            @NotNull @Schema(example = "2021-03-01T09:30:00+08:00") String time,
            @NotNull @ValidBic String debtorAgent,
            @NotNull @ValidBic String creditorAgent,
            @NotNull @Pattern(regexp = Money.AMOUNT_PATTERN, message = Money.AMOUNT_MESSAGE)
            @Schema(example = "125000.00") String amount,
            @Pattern(regexp = "HIGH|NORM", message = "must be HIGH or NORM") String priority) {
    }
}
