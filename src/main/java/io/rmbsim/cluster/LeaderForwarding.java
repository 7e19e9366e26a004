package io.rmbsim.cluster;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.rmbsim.settlement.SettlementUnavailable;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * On a follower, hands what needs the single writer to the leader: every API request that is not a
 * read, the simulations (running runs and their progress live in the leader's memory) and the settlement endpoints (they read
 * the sequencer's memory). Reads are served here, from the database. It runs before the REST layer
 * and before the body is read, and streams both ways: the leader sees the client's request, headers
 * (the bearer token among them) and all, and the client sees the leader's answer.
 *
 * <p>A forwarded request is marked, so that an instance that has just lost leadership answers it
 * with a 503 rather than forwarding it again; with no leader known or reachable the answer is a 503
 * too, with {@code Retry-After}: a follower takes over within seconds of a leader's death.
 */
@ApplicationScoped
public class LeaderForwarding {

    public static final String FORWARDED_BY = "X-Rmbsim-Forwarded-By";
    private static final Logger LOG = Logger.getLogger(LeaderForwarding.class);
    /** Headers about one connection, not the request: never passed on (RFC 9110 section 7.6.1). */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "http2-settings",
            "host", "expect");
    /** A payment is answered within the sequencer's 60 s at most. */
    private static final long IDLE_TIMEOUT_MS = 90_000;
    private static final long CONNECT_TIMEOUT_MS = 2_000;

    private final Leadership leadership;
    private final HttpClient client;
    private final long bodyLimit;

    LeaderForwarding(Leadership leadership, Vertx vertx,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize bodyLimit) {
        this.leadership = leadership;
        this.bodyLimit = bodyLimit.asLongValue();
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) CONNECT_TIMEOUT_MS), new PoolOptions().setHttp1MaxSize(64));
    }

    void register(@Observes Filters filters) {
        filters.register(this::route, 200);
    }

    /** What a follower cannot answer itself. */
    static boolean needsLeader(HttpMethod method, String path) {
        if (!path.startsWith("/api/")) {
            return false;
        }
        if (under(path, "/api/v1/simulations") || under(path, "/api/v1/settlement")) {
            return true;
        }
        // every other write, the demo token too (it needs no state, but it is audited, and the audit
        // trail has one writer: the leader)
        return method != HttpMethod.GET && method != HttpMethod.HEAD;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private void route(RoutingContext rc) {
        HttpServerRequest in = rc.request();
        if (leadership.leads() || !needsLeader(in.method(), rc.normalizedPath())) {
            rc.next();
            return;
        }
        if (in.getHeader(FORWARDED_BY) != null) {
            refuse(rc, "this instance no longer leads settlement; retry");
            return;
        }
        String leader = leadership.leaderUrl().orElse(null);
        if (leader == null || leader.equals(leadership.advertisedUrl())) {
            refuse(rc, "no instance leads settlement at the moment (one takes over within seconds); retry");
            return;
        }
        forward(rc, URI.create(leader));
    }

    private void forward(RoutingContext rc, URI leader) {
        HttpServerRequest in = rc.request();
        in.pause();
        boolean tls = "https".equalsIgnoreCase(leader.getScheme());
        RequestOptions options = new RequestOptions().setMethod(in.method()).setHost(leader.getHost())
                .setPort(leader.getPort() >= 0 ? leader.getPort() : tls ? 443 : 80).setSsl(tls).setURI(in.uri())
                .setConnectTimeout(CONNECT_TIMEOUT_MS).setIdleTimeout(IDLE_TIMEOUT_MS);
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                in.resume();
                LOG.debugf("the leader %s cannot be reached: %s", leader, opened.cause().getMessage());
                refuse(rc, "the leading instance " + leader + " cannot be reached; retry");
                return;
            }
            HttpClientRequest out = opened.result();
            // failures reach the answer's handler below; this only keeps them out of the error log
            out.exceptionHandler(e -> LOG.debugf("forwarding to the leader %s: %s", leader, e.getMessage()));
            copyEndToEnd(in.headers(), out.headers());
            // the leader builds links (Location) for the address the client used
            if (in.authority() != null) {
                out.authority(in.authority());
            }
            out.putHeader(FORWARDED_BY, leadership.advertisedUrl());
            String client = in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
            String before = in.getHeader("X-Forwarded-For");
            out.putHeader("X-Forwarded-For", before == null ? client : before + ", " + client);
            // the answer counts, not the upload: the leader may answer (a 413, say) and close before
            // it has read the whole body
            out.response().onComplete(answered -> {
                if (answered.failed()) {
                    failed(rc, leader, answered.cause());
                    return;
                }
                relay(rc, answered.result(), leader);
            });
            if (in.isEnded()) {
                out.end();
            } else {
                upload(rc, out);
            }
        });
    }

    /**
     * Streams the body to the leader, with back-pressure. A body that did not announce its length is
     * counted on the way: beyond the limit the answer is a 413 from here, as the leader's HTTP layer
     * would give (which closes the connection before a proxy can pass its answer on).
     */
    private void upload(RoutingContext rc, HttpClientRequest out) {
        HttpServerRequest in = rc.request();
        if (in.getHeader("Content-Length") == null) {
            out.setChunked(true);
        }
        long[] received = {0};
        in.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > bodyLimit) {
                in.handler(null);
                if (!rc.response().headWritten()) {
                    rc.fail(413); // answered as the body limit answers it, the rest of the body discarded
                }
                out.reset();
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                in.pause();
                out.drainHandler(v -> in.resume());
            }
        });
        in.endHandler(v -> {
            if (received[0] <= bodyLimit) {
                out.end();
            }
        });
        in.exceptionHandler(e -> out.reset());
        in.resume();
    }

    private void relay(RoutingContext rc, HttpClientResponse answer, URI leader) {
        HttpServerResponse response = rc.response();
        response.setStatusCode(answer.statusCode());
        copyEndToEnd(answer.headers(), response.headers());
        boolean bodyless = rc.request().method() == HttpMethod.HEAD || answer.statusCode() == 204
                || answer.statusCode() == 304;
        if (answer.getHeader("Content-Length") == null && !bodyless) {
            response.setChunked(true);
        }
        answer.pipeTo(response).onFailure(e -> LOG.debugf("answer from the leader %s cut off: %s", leader, e.getMessage()));
    }

    /** Every header but those about the connection: the fixed ones and those the Connection header names. */
    private static void copyEndToEnd(MultiMap from, MultiMap to) {
        Set<String> skip = new HashSet<>(HOP_BY_HOP);
        for (String named : from.getAll("Connection")) {
            for (String n : named.split(",")) {
                skip.add(n.trim().toLowerCase(Locale.ROOT));
            }
        }
        for (Map.Entry<String, String> h : from) {
            if (!skip.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                to.add(h.getKey(), h.getValue());
            }
        }
    }

    private void failed(RoutingContext rc, URI leader, Throwable cause) {
        if (rc.response().ended()) {
            return;
        }
        if (rc.response().headWritten()) {
            rc.response().reset();
            return;
        }
        // the request may have reached the leader before it went: the client reads its outcome back
        LOG.debugf("the leader %s did not answer: %s", leader, cause.getMessage());
        refuse(rc, "the leading instance " + leader + " did not answer; the request may or may not have been carried "
                + "out, read it back or retry");
    }

    /** Settlement cannot be reached from here: the web layer answers its 503 problem, as for any such failure. */
    private static void refuse(RoutingContext rc, String detail) {
        if (!rc.response().ended()) {
            rc.fail(new SettlementUnavailable(detail));
        }
    }
}
