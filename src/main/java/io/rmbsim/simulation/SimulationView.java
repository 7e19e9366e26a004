package io.rmbsim.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Simulation")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulationView(UUID id, @Schema(example = "RUNNING") String status, @Schema(example = "0.42") BigDecimal progress,
        String scenario, @Schema(description = "Who started it", example = "demo-operator") String owner, Instant createdAt,
        String error, SimulationReport report) {

    static SimulationView of(RunState run, SimulationReport report) {
        // QUEUED is still RUNNING for the contract's clients: accepted and not yet done
        String status = run.status() == Simulations.Status.QUEUED ? "RUNNING" : run.status().name();
        return new SimulationView(run.id(), status, run.progress(), run.scenario(), run.owner(), run.createdAt(), run.error(), report);
    }
}
