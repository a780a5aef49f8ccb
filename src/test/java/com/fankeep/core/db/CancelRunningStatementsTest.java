package com.fankeep.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the app ends a long read at once instead of waiting for it (ADR 0035). */
class CancelRunningStatementsTest {

    @TempDir
    Path dir;

    @Test
    void aLongReadOfAnotherConnectionIsCancelledAndTheDatabaseStillWorks() throws Exception {
        try (Database db = Database.open(dir)) {
            CompletableFuture<Long> longRead = CompletableFuture.supplyAsync(() -> {
                try (Connection c = db.dataSource().getConnection(); var s = c.createStatement();
                     var rs = s.executeQuery("select count(*) from system_range(1, 20000000000) where mod(x, 7) = 3")) {
                    rs.next();
                    return rs.getLong(1);
                } catch (SQLException e) {
                    return -1L;
                }
            });
            int cancelled = 0;
            for (int i = 0; i < 200 && cancelled == 0; i++) { // until the read is running
                Thread.sleep(20);
                cancelled = db.cancelRunningStatements();
            }
            assertThat(cancelled).isEqualTo(1);
            assertThat(longRead.get(10, TimeUnit.SECONDS)).isEqualTo(-1L);
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("customer"))).isZero();
        }
    }
}
