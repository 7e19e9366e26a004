package io.rmbsim.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The optional filters of a list request, as a Panache query fragment and its parameters. */
public final class Criteria {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds {@code field = value} unless the filter was not given. */
    public Criteria equal(String field, Object value) {
        if (value != null) {
            String name = "p" + parameters.size();
            clauses.add(field + " = :" + name);
            parameters.put(name, value);
        }
        return this;
    }

    /** Adds a clause with its own named parameters. */
    public Criteria where(String clause, Map<String, Object> clauseParameters) {
        clauses.add(clause);
        parameters.putAll(clauseParameters);
        return this;
    }

    public String query() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
