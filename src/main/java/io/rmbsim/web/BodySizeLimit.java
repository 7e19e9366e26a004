package io.rmbsim.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced larger than the limit is refused before it is read, with a 413 problem like every
 * other error (the HTTP layer's own refusal, for bodies that do not announce their length, has no body).
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long limit;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > limit) {
                rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                        .end("{\"type\":\"urn:rmbsim:problem:too-large\",\"title\":\"Payload too large\",\"status\":413,"
                                + "\"detail\":\"the body is " + declared + " bytes; at most " + limit + " are accepted\"}");
                return;
            }
            rc.next();
        });
    }
}
