package io.rmbsim.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Simulation")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulationView(UUID id,
        @Schema(example = "RUNNING", enumeration = {"QUEUED", "RUNNING", "DONE", "FAILED"},
                description = "QUEUED: accepted, waiting for a free slot or for memory; RUNNING: under way; DONE or FAILED: ended")
        String status,
        @Schema(example = "0.42") BigDecimal progress,
        @Schema(description = "Only while QUEUED: 1 is the next run to start", example = "2") Integer placeInLine,
        String scenario, @Schema(description = "Who started it", example = "demo-operator") String owner, Instant createdAt,
        String error, SimulationReport report) {

    static SimulationView of(RunState run, SimulationReport report) {
        return new SimulationView(run.id(), run.status().name(), run.progress(), run.placeInLine(), run.scenario(), run.owner(),
                run.createdAt(), run.error(), report);
    }
}
