package io.rmbsim.web;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem answers every operation can give, so that each operation does not have to
 * repeat them: 400 for bad input, 404 where a path names something, 409 for writes, 500 as last resort.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : item.getOperations().entrySet()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                APIResponses responses = op.getValue().getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    op.getValue().setResponses(responses);
                }
                add(responses, "400", "Invalid input (a bad BIC carries reasonCode RC01)",
                        "urn:rmbsim:problem:invalid-input", "Invalid input", "bic: must be a BIC (ISO 9362)");
                if (path.contains("{")) {
                    add(responses, "404", "Nothing with that identifier", "urn:rmbsim:problem:not-found", "Not found",
                            "no participant ZZZZRUMMXXX");
                }
                if (!path.startsWith("/api/v1/auth/")) {
                    add(responses, "401", "No valid bearer token", "urn:rmbsim:problem:unauthenticated", "Unauthenticated",
                            "a valid bearer token is required (Authorization: Bearer <JWT>)");
                    add(responses, "403", "The caller's role or bank does not allow this", "urn:rmbsim:problem:forbidden",
                            "Forbidden", "debtorAgent HCCBCNBHXXX is not the caller's bank VHSBRUV0XXX; a member acts only for its own BIC");
                }
                if (op.getKey() == PathItem.HttpMethod.POST) {
                    add(responses, "409", "The current state does not allow this", "urn:rmbsim:problem:conflict",
                            "Conflict with the current state", "participant VHSBRUV0XXX is already suspended");
                }
            }
        });
    }

    private static void add(APIResponses responses, String code, String description, String type, String title,
            String detail) {
        APIResponse existing = responses.getAPIResponse(code);
        if (existing != null && existing.getContent() != null) {
            return; // documented by the operation itself
        }
        Example example = OASFactory.createExample().value(Map.of("type", type, "title", title,
                "status", Integer.parseInt(code), "detail", detail));
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                .addExample("problem", example);
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem));
        responses.addAPIResponse(code, response);
    }
}
