package org.deskcrm.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Plain JDBC batch inserts into several tables at once, for bulk generation. Tables are
 * registered parents first; when one table's batch is full, that table and every table
 * registered before it are flushed, so a row is never sent before the rows it references.
 * About 1,000 rows go per round trip (PostgreSQL rewrites them into multi-row inserts).
 */
final class BulkInserts implements AutoCloseable {
    static final int BATCH_ROWS = 1000;

    private final Connection connection;
    private final List<Table> tables = new ArrayList<>();
    private long rowsWritten;
    private long rowsAtCommit;

    BulkInserts(Connection connection) {
        this.connection = connection;
    }

    /** One table's insert statement and its pending rows. */
    final class Table {
        private final String name;
        private final int columns;
        private final PreparedStatement statement;
        private final int index;
        private int pending;
        private long rows;

        private Table(String name, String[] columns, int index) throws SQLException {
            this.name = name;
            this.columns = columns.length;
            this.index = index;
            var cols = new StringJoiner(", ");
            var marks = new StringJoiner(", ");
            for (String c : columns) {
                cols.add(c);
                marks.add("?");
            }
            this.statement = connection.prepareStatement("INSERT INTO " + name + " (" + cols + ") VALUES (" + marks + ")");
        }

        /** Adds one row; the values are in the column order given at registration. */
        void row(Object... values) {
            if (values.length != columns) {
                throw new IllegalArgumentException(name + ": " + values.length + " values for " + columns + " columns");
            }
            try {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.addBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not add a row to " + name + ": " + e.getMessage(), e);
            }
            rows++;
            if (++pending >= BATCH_ROWS) {
                flushThrough(index);
            }
        }

        long rows() {
            return rows;
        }

        private void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                statement.clearBatch();
                rowsWritten += pending;
                pending = 0;
            }
        }
    }

    /** Registers a table; register parents before the tables that reference them. */
    Table table(String name, String... columns) {
        try {
            Table t = new Table(name, columns, tables.size());
            tables.add(t);
            return t;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the insert into " + name + ": " + e.getMessage(), e);
        }
    }

    private void flushThrough(int index) {
        for (int i = 0; i <= index; i++) {
            Table t = tables.get(i);
            try {
                t.flush();
            } catch (SQLException e) {
                var next = e.getNextException();
                throw new IllegalStateException("Could not insert into " + t.name + ": " + e.getMessage()
                        + (next != null ? " (" + next.getMessage() + ")" : ""), e);
            }
        }
    }

    /** Sends every pending row, parents first. */
    void flush() {
        flushThrough(tables.size() - 1);
    }

    /** Sends every pending row and commits. */
    void commit() {
        flush();
        try {
            connection.commit();
            rowsAtCommit = rowsWritten;
        } catch (SQLException e) {
            throw new IllegalStateException("Commit failed: " + e.getMessage(), e);
        }
    }

    long rowsWritten() {
        return rowsWritten;
    }

    /** Rows sent or pending since the last commit. */
    long rowsSinceCommit() {
        long pending = 0;
        for (Table t : tables) {
            pending += t.pending;
        }
        return rowsWritten + pending - rowsAtCommit;
    }

    @Override
    public void close() {
        for (Table t : tables) {
            try {
                t.statement.close();
            } catch (SQLException ignored) {
                // closing a statement of a connection that is going back to the pool
            }
        }
    }
}
