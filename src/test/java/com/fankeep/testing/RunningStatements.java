package com.fankeep.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/** Waits, by polling H2's session list, until another session is executing a given statement. */
public final class RunningStatements {

    private RunningStatements() {
    }

    public static void waitUntilRunning(DataSource dataSource, String part) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement(
                "select count(*) from information_schema.sessions where executing_statement like ? and session_id <> session_id()")) {
            ps.setString(1, "%" + part + "%");
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("no statement with " + part + " started");
    }
}
