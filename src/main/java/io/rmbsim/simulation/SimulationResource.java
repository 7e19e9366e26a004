package io.rmbsim.simulation;

import io.rmbsim.settlement.SettlementMode;
import io.rmbsim.access.Caller;
import io.rmbsim.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.rmbsim.web.Page;
import io.rmbsim.web.PageRequest;
import io.rmbsim.web.ProblemException;
import io.rmbsim.web.QueryParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/simulations")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.MEMBER})
@Tag(name = "Simulations", description = "Whole payment streams through the same settlement engine, in memory, under several modes")
public class SimulationResource {

    static final String CSV = "text/csv";

    private final Simulations simulations;
    private final SimulationSpecs specs;
    private final Caller caller;
    private final LiveDays liveDays;

    SimulationResource(Simulations simulations, SimulationSpecs specs, Caller caller, LiveDays liveDays) {
        this.simulations = simulations;
        this.specs = specs;
        this.caller = caller;
        this.liveDays = liveDays;
    }

    /** Operators and auditors see every run; anyone else the runs they started. */
    private String ownerScope() {
        return caller.seesEverything() ? null : caller.name();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a simulation", description = "A built-in scenario (harbin-ftz-2021h1, cips-2023-day, "
            + "cips-2023-year), inline payments, or the replay of a closed live business day (operators and auditors), "
            + "under RTGS, RTGS_LSM and/or DNS; answers 202 at once, the report comes later on GET. The same inputs and "
            + "seed give the same report. A 429 when too many are running; a 413 when the run would need more memory "
            + "than simulations have on this service.")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(schema = @Schema(implementation = SimulationView.class)))
    public Response start(@Valid @NotNull SimulationRequest body, @Context UriInfo uri) {
        if (body.replay() != null) {
            if (!caller.seesEverything()) {
                throw Caller.forbidden("a replay reads a whole live business day: operators and auditors only");
            }
            return accepted(simulations.start(specs.fromReplay(body, liveDays), caller.name()), uri);
        }
        return accepted(simulations.start(specs.from(body), caller.name()), uri);
    }

    @POST
    @Consumes(CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a simulation of an uploaded CSV stream", description = "Columns, with a header line: "
            + "time (ISO 8601 with offset), debtorAgent, creditorAgent (BICs), amount (decimal CNY), priority (HIGH or NORM, "
            + "optional). Every agent is a DIRECT participant. Options as query parameters.")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(schema = @Schema(implementation = SimulationView.class)))
    public Response startCsv(String csv,
            @Parameter(example = "42") @QueryParam("seed") String seed,
            @Parameter(example = "RTGS,RTGS_LSM,DNS") @QueryParam("modes") String modes,
            @Parameter(example = "0.5") @QueryParam("liquidity") String liquidity,
            @QueryParam("lsmIntervalMinutes") String lsmInterval,
            @QueryParam("dnsCycleMinutes") String dnsCycle,
            @Parameter(example = "FIFO_BYPASS") @QueryParam("queueDiscipline") String queueDiscipline,
            @Parameter(example = "0,0.5,1") @QueryParam("sweep") String sweep,
            @Parameter(description = "Participants other than DIRECT, and own liquidity: BIC:DIRECT[:amount] or "
                    + "BIC:INDIRECT:AGENT[:amount], comma-separated", example = "VHSBRUV0:INDIRECT:HCCBCNBH:500000.00,HCCBCNBH:DIRECT")
            @QueryParam("participants") String participants,
            @Context UriInfo uri) {
        if (csv == null || csv.isBlank()) {
            throw ProblemException.invalid("body", "the CSV is empty", "FF01");
        }
        List<SettlementMode> modeList = new ArrayList<>();
        String[] modeNames = (modes == null || modes.isBlank() ? "RTGS,RTGS_LSM,DNS" : modes).split(",", -1);
        if (modeNames.length > SimulationRequest.MAX_MODES) {
            throw ProblemException.invalid("modes", "at most " + SimulationRequest.MAX_MODES + " modes, as in JSON");
        }
        for (String m : modeNames) {
            if (m.isBlank()) {
                throw ProblemException.invalid("modes", "an empty mode; give RTGS, RTGS_LSM and/or DNS, comma-separated");
            }
            modeList.add(QueryParams.enumValue("modes", m.trim(), SettlementMode.class));
        }
        List<JsonNode> levels = new ArrayList<>();
        if (sweep != null && !sweep.isBlank()) {
            String[] fractions = sweep.split(",", -1);
            if (fractions.length > SimulationRequest.MAX_SWEEP) {
                throw ProblemException.invalid("sweep", "at most " + SimulationRequest.MAX_SWEEP + " levels, as in JSON");
            }
            for (String f : fractions) {
                levels.add(JsonNodeFactory.instance.textNode(f.trim()));
            }
        }
        JsonNode liquidityNode = liquidity == null || liquidity.isBlank() ? null : JsonNodeFactory.instance.textNode(liquidity);
        return accepted(simulations.start(specs.fromCsv(csv, QueryParams.longValue("seed", seed, 1), modeList, liquidityNode,
                QueryParams.optionalInteger("lsmIntervalMinutes", lsmInterval, 0, 1_440),
                QueryParams.optionalInteger("dnsCycleMinutes", dnsCycle, 0, 1_440),
                queueDiscipline == null || queueDiscipline.isEmpty() ? null
                        : QueryParams.enumValue("queueDiscipline", queueDiscipline, io.rmbsim.settlement.QueueDiscipline.class), levels,
                participants(participants)), caller.name()), uri);
    }

    /** {@code BIC:DIRECT[:amount]} or {@code BIC:INDIRECT:AGENT[:amount]}, comma-separated. */
    private static List<SimulationRequest.InlineParticipant> participants(String raw) {
        List<SimulationRequest.InlineParticipant> list = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String[] items = raw.split(",");
        if (items.length > SimulationRequest.MAX_PARTICIPANTS) {
            throw ProblemException.invalid("participants", "at most " + SimulationRequest.MAX_PARTICIPANTS + " participants, as in JSON");
        }
        for (String item : items) {
            String[] f = item.trim().split(":");
            boolean direct = f.length >= 2 && f[1].equalsIgnoreCase("DIRECT") && f.length <= 3;
            boolean indirect = f.length >= 3 && f[1].equalsIgnoreCase("INDIRECT") && f.length <= 4;
            if (!direct && !indirect) {
                throw ProblemException.invalid("participants", "'" + item + "' is not BIC:DIRECT[:amount] or BIC:INDIRECT:AGENT[:amount]");
            }
            String amount = direct ? (f.length == 3 ? f[2] : null) : (f.length == 4 ? f[3] : null);
            if (!io.rmbsim.identifier.Bic.isValid(f[0]) || indirect && !io.rmbsim.identifier.Bic.isValid(f[2])) {
                throw ProblemException.invalid("participants", "'" + item + "' names something that is not a BIC", "RC01");
            }
            if (amount != null && !io.rmbsim.money.Money.isAmount(amount)) {
                throw ProblemException.invalid("participants", "'" + item + "': liquidity must be a decimal amount");
            }
            list.add(new SimulationRequest.InlineParticipant(f[0], direct ? "DIRECT" : "INDIRECT", indirect ? f[2] : null, amount));
        }
        return list;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List simulations", description = "Oldest first, without their reports.")
    public Page<SimulationView> list(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) @QueryParam("size") String size) {
        PageRequest p = PageRequest.of(page, size);
        List<RunState> all = simulations.list(ownerScope());
        List<SimulationView> items = all.stream().skip((long) p.page() * p.size()).limit(p.size())
                .map(r -> SimulationView.of(r, null)).toList();
        return new Page<>(items, p.page(), p.size(), all.size());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A simulation: status, progress, and its report once DONE")
    public SimulationView get(@PathParam("id") String id) {
        RunState run = simulations.get(QueryParams.pathId("simulation", id), ownerScope());
        return SimulationView.of(run, run.status() == Simulations.Status.DONE ? simulations.report(run.id()) : null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a simulation (stopping it if it runs)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        // an operator may delete any run; everyone else only their own
        simulations.delete(QueryParams.pathId("simulation", id), caller.role().equals(Roles.OPERATOR) ? null : caller.name());
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/report.csv")
    @Produces(CSV)
    @Operation(summary = "The report as CSV", description = "One row per mode and participant: bounds, liquidity given and used, and the mode's measures (delays of every payment and of the settled ones, delay indicator, settlement ratio).")
    public Response csv(@PathParam("id") String id) {
        SimulationReport report = done(id);
        StringBuilder s = new StringBuilder("mode,participant,upperBound,lowerBound,liquidityGiven,liquidityUsed,"
                + "modeSettledCount,modeSettledValue,modeUnsettledCount,modeUnsettledValue,modeMeanDelay,modeP95Delay,modeMaxDelay,"
                + "modeMeanDelaySettled,modeDelayIndicator,modeSettlementRatioCount,modeSettlementRatioValue\n");
        for (Map.Entry<String, SimulationReport.ModeReport> m : report.modes().entrySet()) {
            SimulationReport.ModeReport r = m.getValue();
            for (Map.Entry<String, SimulationReport.Bounds> b : report.bounds().entrySet()) {
                s.append(m.getKey()).append(',').append(b.getKey()).append(',').append(b.getValue().upper()).append(',')
                        .append(b.getValue().lower()).append(',').append(report.liquidity().get(b.getKey())).append(',')
                        .append(r.liquidityUsed().byParticipant().get(b.getKey())).append(',').append(r.settledCount())
                        .append(',').append(r.settledValue()).append(',').append(r.unsettledCount()).append(',')
                        .append(r.unsettledValue()).append(',').append(r.delay().mean()).append(',').append(r.delay().p95())
                        .append(',').append(r.delay().max()).append(',').append(r.delaySettled().mean()).append(',')
                        .append(r.delayIndicator()).append(',').append(r.settlementRatio().count()).append(',')
                        .append(r.settlementRatio().value()).append('\n');
            }
        }
        return Response.ok(s.toString(), CSV).header("Content-Disposition", "attachment; filename=\"simulation-" + id + ".csv\"").build();
    }

    @GET
    @Path("/{id}/sweep")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The delay-versus-liquidity curve of a sweep (JSON)")
    public List<SimulationReport.SweepPoint> sweep(@PathParam("id") String id) {
        return sweepOf(id);
    }

    @GET
    @Path("/{id}/sweep.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "The delay-versus-liquidity curve of a sweep, as an SVG chart")
    public Response sweepSvg(@PathParam("id") String id) {
        SimulationReport report = done(id);
        String title = "Delay versus liquidity: " + report.scenario() + " (seed " + report.seed() + ", "
                + report.payments() + " payments, " + report.paymentsValue() + " CNY)";
        return Response.ok(SweepChart.svg(title, sweepOf(id)), "image/svg+xml").build();
    }

    private List<SimulationReport.SweepPoint> sweepOf(String id) {
        SimulationReport report = done(id);
        if (report.sweep() == null) {
            throw ProblemException.conflict("simulation " + id + " was not a sweep; start one with \"sweep\": [0, 0.5, 1]");
        }
        return report.sweep();
    }

    private SimulationReport done(String id) {
        RunState run = simulations.get(QueryParams.pathId("simulation", id), ownerScope());
        if (run.status() != Simulations.Status.DONE) {
            throw ProblemException.conflict("simulation " + id + " is " + run.status() + "; its report is not ready");
        }
        return simulations.report(run.id());
    }

    private static Response accepted(RunState run, UriInfo uri) {
        return Response.accepted(SimulationView.of(run, null))
                .location(uri.getBaseUriBuilder().path("api/v1/simulations").path(run.id().toString()).build()).build();
    }
}
