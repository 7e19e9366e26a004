package io.rmbsim.web;

import io.quarkus.panache.common.Sort;

/**
 * Which end of a list in arrival order a page starts from: {@code order=oldest} (the default, so clients
 * that never asked see no change) or {@code order=newest}, where people look for the latest.
 */
public enum ListOrder {
    OLDEST, NEWEST;

    /** The {@code order} query parameter; absent is {@link #OLDEST}, an unknown value a 400 naming the field. */
    public static ListOrder of(String raw) {
        ListOrder o = QueryParams.enumValue("order", raw, ListOrder.class);
        return o == null ? OLDEST : o;
    }

    /** The sort on the column that numbers the list in arrival order. */
    public Sort by(String arrivalColumn) {
        return this == NEWEST ? Sort.by(arrivalColumn, Sort.Direction.Descending) : Sort.by(arrivalColumn);
    }
}
