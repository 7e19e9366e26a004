package io.rmbsim.sequencer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Rows a settlement batch inserts into one table, or updates in it by key, with their columns' types.
 * The {@link Journal} writes them as a JDBC batch per table (H2, in process: a statement costs no
 * round trip), or on PostgreSQL as column arrays unnested inside the batch's one statement
 * ({@link #unnestPart}), so a batch of any size costs two round trips to the server: the statement
 * and the commit.
 */
public final class TableRows {

    /** A column's SQL type; values are {@link UUID}, {@link Long}, {@link Integer}, {@link String}, {@link LocalDate}, {@link Instant}, {@link Boolean} or null. */
    public enum Type {
        UUID("uuid", Types.OTHER), BIGINT("bigint", Types.BIGINT), INTEGER("integer", Types.INTEGER), TEXT("text", Types.VARCHAR),
        DATE("date", Types.DATE), TIMESTAMP("timestamptz", Types.TIMESTAMP_WITH_TIMEZONE), BOOLEAN("boolean", Types.BOOLEAN);

        final String sql;
        final int jdbc;

        Type(String sql, int jdbc) {
            this.sql = sql;
            this.jdbc = jdbc;
        }
    }

    private final String table;
    private final List<String> columns = new ArrayList<>();
    private final List<Type> types = new ArrayList<>();
    /** An update's key column (the first column), or null for an insert. */
    private final boolean update;
    /** An update that keeps a column's value where the row gives null ({@code coalesce}). */
    private final boolean keepWhereNull;
    private final List<Object[]> rows = new ArrayList<>();

    private TableRows(String table, boolean update, boolean keepWhereNull) {
        this.table = table;
        this.update = update;
        this.keepWhereNull = keepWhereNull;
    }

    /** Rows to insert into {@code table}; declare the columns with {@link #column}. */
    public static TableRows insert(String table) {
        return new TableRows(table, false, false);
    }

    /**
     * Rows that update {@code table} where its first column (the key) matches; with {@code keepWhereNull}
     * a null leaves the column as it is, otherwise it sets null.
     */
    static TableRows update(String table, boolean keepWhereNull) {
        return new TableRows(table, true, keepWhereNull);
    }

    /** The next column, in the order of {@link #add}'s values. */
    public TableRows column(String name, Type type) {
        columns.add(name);
        types.add(type);
        return this;
    }

    /** One row: a value per column, in their order. */
    public void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public int size() {
        return rows.size();
    }

    // --- as a JDBC batch --------------------------------------------------------------------------

    /** Writes the rows as one JDBC batch of the table's insert or update. */
    void writeBatch(Connection c) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(batchSql())) {
            int n = columns.size();
            for (Object[] row : rows) {
                if (update) {
                    // set the other columns, then the key
                    for (int i = 1; i < n; i++) {
                        bind(s, i, types.get(i), row[i]);
                    }
                    bind(s, n, types.get(0), row[0]);
                } else {
                    for (int i = 0; i < n; i++) {
                        bind(s, i + 1, types.get(i), row[i]);
                    }
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private String batchSql() {
        if (!update) {
            StringJoiner marks = new StringJoiner(", ");
            columns.forEach(c -> marks.add("?"));
            return "insert into " + table + " (" + String.join(", ", columns) + ") values (" + marks + ")";
        }
        StringJoiner set = new StringJoiner(", ");
        for (String c : columns.subList(1, columns.size())) {
            set.add(keepWhereNull ? c + " = coalesce(?, " + c + ")" : c + " = ?");
        }
        return "update " + table + " set " + set + " where " + columns.get(0) + " = ?";
    }

    private static void bind(PreparedStatement s, int index, Type type, Object value) throws SQLException {
        if (value == null) {
            if (type == Type.DATE || type == Type.TIMESTAMP || type == Type.UUID) {
                s.setObject(index, null);
            } else {
                s.setNull(index, type.jdbc);
            }
            return;
        }
        switch (type) {
            case BIGINT -> s.setLong(index, ((Number) value).longValue());
            case INTEGER -> s.setInt(index, ((Number) value).intValue());
            case TEXT -> s.setString(index, (String) value);
            case BOOLEAN -> s.setBoolean(index, (Boolean) value);
            case TIMESTAMP -> s.setObject(index, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
            default -> s.setObject(index, value); // UUID, LocalDate
        }
    }

    // --- as part of one PostgreSQL statement ------------------------------------------------------

    /**
     * This table's part of a PostgreSQL statement: a data-modifying {@code WITH} item named {@code name}
     * that reads each column from an array parameter ({@code unnest}): numbers as {@code int8[]} or
     * {@code int4[]} (sent in binary), instants as {@code int8[]} of microseconds since the epoch,
     * the rest as {@code text[]} cast to the column's type. {@link #bindArrays} binds the arrays, in
     * the same order.
     */
    String unnestPart(String name) {
        StringJoiner params = new StringJoiner(", ");
        StringJoiner aliases = new StringJoiner(", ");
        for (int i = 0; i < columns.size(); i++) {
            params.add("?::" + arrayType(types.get(i)) + "[]");
            aliases.add("c" + i);
        }
        String from = "unnest(" + params + ") as u(" + aliases + ")";
        if (!update) {
            StringJoiner values = new StringJoiner(", ");
            for (int i = 0; i < columns.size(); i++) {
                values.add(value(i));
            }
            return name + " as (insert into " + table + " (" + String.join(", ", columns) + ") select " + values + " from " + from + ")";
        }
        StringJoiner set = new StringJoiner(", ");
        for (int i = 1; i < columns.size(); i++) {
            String c = columns.get(i);
            set.add(keepWhereNull ? c + " = coalesce(" + value(i) + ", t." + c + ")" : c + " = " + value(i));
        }
        return name + " as (update " + table + " t set " + set + " from " + from + " where t." + columns.get(0) + " = " + value(0) + ")";
    }

    private static String arrayType(Type type) {
        return switch (type) {
            case BIGINT, TIMESTAMP -> "int8";
            case INTEGER -> "int4";
            default -> "text";
        };
    }

    /** Column {@code column} of the unnested row as its SQL type. */
    private String value(int column) {
        String c = "u.c" + column;
        return switch (types.get(column)) {
            case BIGINT, INTEGER, TEXT -> c;
            // whole seconds and the microseconds apart: each product stays exact in the interval's arithmetic
            case TIMESTAMP -> "(timestamptz 'epoch' + (" + c + " / 1000000) * interval '1 second' + (" + c
                    + " % 1000000) * interval '1 microsecond')";
            default -> "cast(" + c + " as " + types.get(column).sql + ")";
        };
    }

    /** Binds the columns' arrays from {@code first} on; answers the next parameter's index. */
    int bindArrays(Connection c, PreparedStatement s, int first) throws SQLException {
        int index = first;
        int n = rows.size();
        for (int i = 0; i < columns.size(); i++) {
            Type type = types.get(i);
            Array array;
            if (type == Type.BIGINT || type == Type.TIMESTAMP) {
                Long[] values = new Long[n];
                for (int r = 0; r < n; r++) {
                    Object v = rows.get(r)[i];
                    values[r] = v == null ? null : type == Type.TIMESTAMP ? micros((Instant) v) : (Long) ((Number) v).longValue();
                }
                array = c.createArrayOf("int8", values);
            } else if (type == Type.INTEGER) {
                Integer[] values = new Integer[n];
                for (int r = 0; r < n; r++) {
                    Object v = rows.get(r)[i];
                    values[r] = v == null ? null : ((Number) v).intValue();
                }
                array = c.createArrayOf("int4", values);
            } else {
                // UUID, LocalDate (ISO 8601), Boolean and text as they print
                String[] values = new String[n];
                for (int r = 0; r < n; r++) {
                    Object v = rows.get(r)[i];
                    values[r] = v == null ? null : v.toString();
                }
                array = c.createArrayOf("text", values);
            }
            s.setArray(index++, array);
        }
        return index;
    }

    /** Microseconds since the epoch, as PostgreSQL keeps a timestamp (finer digits are dropped). */
    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }
}
