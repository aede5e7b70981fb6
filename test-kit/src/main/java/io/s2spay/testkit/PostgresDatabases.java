package io.s2spay.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates a PostgreSQL database when it does not exist yet (PostgreSQL has no {@code CREATE DATABASE IF NOT EXISTS}). */
final class PostgresDatabases {

    private PostgresDatabases() {}

    /** {@code database} on the server of {@code serverJdbcUrl} (a URL of any of its databases). */
    static void createIfMissing(String serverJdbcUrl, String username, String password, String database) {
        try (Connection connection = DriverManager.getConnection(serverJdbcUrl, username, password)) {
            createIfMissing(connection, database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " at " + serverJdbcUrl, e);
        }
    }

    /** {@code database} on the server of {@code connection}. */
    static void createIfMissing(Connection connection, String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain PostgreSQL database name: " + database);
        }
        try (Statement statement = connection.createStatement()) {
            try (ResultSet exists =
                    statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("create database " + database);
        }
    }
}
