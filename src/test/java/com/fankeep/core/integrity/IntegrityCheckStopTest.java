package com.fankeep.core.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.CancelledException;
import com.fankeep.core.shared.Stoppable;
import com.fankeep.testing.RunningStatements;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up check on a big shop ran 12.5 s and the app's close waited for it. Stopped, it ends at once — inside a
 * long statement too — and records nothing: no "passed", no problem (ADR 0038).
 */
class IntegrityCheckStopTest {

    @TempDir
    Path dir;
    private Database db;
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Logger log = Logger.getLogger(IntegrityService.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r.getLevel() + " " + java.text.MessageFormat.format(r.getMessage().replace("{}", "%s"), r.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level levelBefore;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        levelBefore = log.getLevel();
        log.setLevel(Level.INFO);
        log.addHandler(capture);
    }

    @AfterEach
    void close() {
        log.removeHandler(capture);
        log.setLevel(levelBefore);
        db.close();
    }

    @Test
    void aCheckStoppedInsideALongStatementEndsAtOnceAndRecordsNothing() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        Cancellation stop = new Cancellation();
        CompletableFuture<IntegrityReport> check;
        try (Connection c = db.dataSource().getConnection()) {
            Connection slowed = slowThirdStatement(c, slowStarted);
            check = CompletableFuture.supplyAsync(() -> {
                try {
                    return Stoppable.call(stop, () -> IntegrityService.check(slowed, false));
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            assertThat(slowStarted.await(20, TimeUnit.SECONDS)).isTrue();
            RunningStatements.waitUntilRunning(db.dataSource(), "system_range");

            stop.cancel(); // the app closes

            // the slowed statement alone would run for minutes
            assertThatThrownBy(() -> check.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
        }
        assertThat(logged).noneMatch(line -> line.contains("checks,")) // the line of a finished check
                .noneMatch(line -> line.contains("unreadable") || line.startsWith("SEVERE") || line.startsWith("WARNING"));

        // the next start checks again, in full, and finds the database sound
        IntegrityReport again = new IntegrityService(db).quickCheck();
        assertThat(again.ok()).isTrue();
        assertThat(again.checks()).isGreaterThan(20);
    }

    /**
     * The check's third statement first runs a statement that takes minutes of CPU (through the same tracked
     * connection, so it is stoppable like the check's own), and says when it started.
     */
    private static Connection slowThirdStatement(Connection c, CountDownLatch started) {
        AtomicInteger statements = new AtomicInteger();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, args) -> {
                    try {
                        Object r = m.invoke(c, args);
                        if (r instanceof Statement s && m.getName().equals("createStatement")
                                && statements.incrementAndGet() == 3) {
                            started.countDown();
                            s.executeQuery("select count(*) from system_range(1, 100000000000) where mod(x, 1000000007) = -1").close();
                        }
                        return r;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
