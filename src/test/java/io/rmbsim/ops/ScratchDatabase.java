package io.rmbsim.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL database of its own for one test, on the server the build's tests use (the
 * QUARKUS_DATASOURCE_* variables, else the service's default), dropped afterwards.
 */
final class ScratchDatabase implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    private final String serverUrl;
    private final String name;

    private ScratchDatabase(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    static ScratchDatabase create(String prefix) throws SQLException {
        String url = env("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:5432/rmbsim");
        String name = prefix + "_" + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
        ScratchDatabase db = new ScratchDatabase(url, name);
        db.execute("create database " + name);
        return db;
    }

    /** The JDBC URL of this database: the server's, with its name in place of the database's. */
    String url() {
        Matcher m = URL.matcher(serverUrl);
        if (!m.matches()) {
            throw new IllegalStateException("not a PostgreSQL JDBC URL: " + serverUrl);
        }
        return m.group(1) + name + m.group(3);
    }

    @Override
    public void close() throws SQLException {
        execute("drop database if exists " + name + " with (force)");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl, user(), password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The user the build's tests connect with (QUARKUS_DATASOURCE_USERNAME, else postgres). */
    static String user() {
        return env("QUARKUS_DATASOURCE_USERNAME", "postgres");
    }

    /** Its password (QUARKUS_DATASOURCE_PASSWORD, else none). */
    static String password() {
        return env("QUARKUS_DATASOURCE_PASSWORD", "");
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null ? otherwise : v;
    }
}
