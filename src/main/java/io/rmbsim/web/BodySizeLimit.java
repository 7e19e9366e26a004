package io.rmbsim.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A body larger than {@code quarkus.http.limits.max-body-size} is a 413 problem like every other error,
 * and one WARN line. One announced larger (Content-Length) is refused before it is read. One that does
 * not announce its length (Transfer-Encoding: chunked) is read here, within the limit, before it
 * reaches an endpoint; past the limit it is refused with the same problem and the rest of it is
 * discarded, so that the client reads the answer rather than a reset connection. (Left to the HTTP
 * layer it got an empty 413, and the endpoint then failed writing its own answer over it.)
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final Logger LOG = Logger.getLogger(BodySizeLimit.class);

    private static final int DRAIN_FACTOR = 16;

    private final long limit;
    private final BodyHandler chunked;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
        this.chunked = BodyHandler.create(false).setBodyLimit(this.limit).setMergeFormAttributes(false);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > limit) {
                // announced: the client can see the answer before it sends what the service will not read
                refuse(rc, "the body is " + declared + " bytes; at most " + limit + " are accepted", true);
                return;
            }
            if (length == null && rc.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                chunked.handle(rc); // goes on to the endpoint once the whole body is in, within the limit
                return;
            }
            rc.next();
        }).failureHandler(rc -> {
            if (rc.statusCode() == 413 && !rc.response().headWritten()) {
                refuse(rc, "the body is larger than the " + limit + " bytes accepted", false);
                discardTheRest(rc);
            } else {
                rc.next();
            }
        });
    }

    /**
     * A client that is still sending reads the answer only if the connection stays open until it is
     * done; one that goes on for more than {@link #DRAIN_FACTOR} times the limit is cut off.
     */
    private void discardTheRest(RoutingContext rc) {
        long[] discarded = {0};
        rc.request().handler(chunk -> {
            discarded[0] += chunk.length();
            if (discarded[0] > DRAIN_FACTOR * limit) {
                rc.request().connection().close();
            }
        });
    }

    private static void refuse(RoutingContext rc, String detail, boolean close) {
        LOG.warnf("%s %s refused with 413: %s", rc.request().method(), rc.request().path(), detail);
        Problems.send(rc, Problems.tooLarge(detail), 0, close);
    }
}
