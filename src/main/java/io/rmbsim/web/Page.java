package io.rmbsim.web;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, as every list of the API is answered. */
@Schema(name = "Page")
public record Page<T>(List<T> items, @Schema(example = "0") int page, @Schema(example = "50") int size,
        @Schema(example = "123") long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
