package com.fankeep.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.CancelledException;
import com.fankeep.core.shared.Stoppable;
import com.fankeep.testing.RunningStatements;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stoppable work's statements stop when it is stopped, and nothing else is touched (ADR 0038). */
class StoppableReadsTest {

    /** Minutes of CPU for H2: ended only by a cancel. */
    static final String ENDLESS = "select count(*) from system_range(1, 100000000000) where mod(x, 1000000007) = -1";

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRunningStatementIsCancelledAndTheWorkEndsAsStopped() throws Exception {
        Cancellation stop = new Cancellation();
        CompletableFuture<Object> work = CompletableFuture.supplyAsync(() -> {
            try {
                return Stoppable.call(stop, () -> count(ENDLESS));
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        RunningStatements.waitUntilRunning(db.dataSource(), "system_range");

        stop.cancel();

        assertThatThrownBy(() -> work.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
    }

    @Test
    void nothingStartsOnceStoppedAndWorkOutsideIsNotTouched() throws Exception {
        Cancellation stop = new Cancellation();
        stop.cancel();
        assertThatThrownBy(() -> Stoppable.call(stop, () -> count("select 1"))).isInstanceOf(CancelledException.class);

        // every connection of the pool answers normally afterwards: no cancel left behind on a session
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                all.add(db.dataSource().getConnection());
            }
            for (Connection c : all) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from system_range(1, 100000)")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(100_000);
                }
            }
        } finally {
            for (Connection c : all) {
                c.close();
            }
        }
        assertThat(count("select 7")).isEqualTo(7);
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
