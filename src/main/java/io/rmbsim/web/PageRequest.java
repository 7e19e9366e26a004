package io.rmbsim.web;

/** {@code ?page=&size=} of a list request: page from 0, size 1..500, 50 unless asked. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;

    public static PageRequest of(String page, String size) {
        int p = QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int s = QueryParams.integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        return new PageRequest(p, s);
    }
}
