package com.fankeep.core.db;

import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.CancelledException;
import com.fankeep.core.shared.Stoppable;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections count committed writes: the data version changes after every commit (or
 * auto-committed statement) of a connection that ran anything but a plain read. Caches of derived facts (segment
 * counts) compare versions instead of guessing which writer touched what. Conservative on purpose: any statement not
 * starting with SELECT (or a CALL, a batch, a rollback) counts as a write, and the version is bumped both when a write
 * starts and when it ends, so a cache built in between is never taken as current. It also notes the table each write
 * names, at the version where the write ended (ADR 0025), so a cache can read again only what those tables feed;
 * a write it cannot name (DDL, a call, a delete of customers, which cascades) counts as every table.
 */
final class WriteTracking implements DataSource {

    private volatile DataSource inner;
    private final AtomicLong version = new AtomicLong();
    /** Guards the end of a write (new version + its tables) against {@link #changesSince} reading half of it. */
    private final Object ends = new Object();
    private final Map<String, Long> tableVersions = new HashMap<>();
    private long unknownVersion;

    /** The statement's target: "insert into X", "update X … set", "delete from X", "merge into X" at its start. */
    private static final Pattern TARGET = Pattern.compile(
            "^(?:insert\\s+into|delete\\s+from|merge\\s+into|update)\\s+(?:\"?\\w+\"?\\.)*\"?(\\w+)\"?(?:\\s|\\(|$)");
    /** Deleting customers cascades into the tables that refer to them: counted as every table. */
    private static final Set<String> CASCADING = Set.of("customer");
    /** True while the database file is being replaced: new connections wait for the new file. */
    private boolean paused;

    WriteTracking(DataSource inner) {
        this.inner = inner;
    }

    long version() {
        return version.get();
    }

    DataChanges changesSince(long since) {
        synchronized (ends) {
            long now = version.get();
            if (unknownVersion > since) {
                return new DataChanges(now, null);
            }
            Set<String> out = new HashSet<>();
            tableVersions.forEach((t, v) -> {
                if (v > since) {
                    out.add(t);
                }
            });
            return new DataChanges(now, Set.copyOf(out));
        }
    }

    /**
     * The table a write statement changes, lower case; "" for a lock ({@code select … for update}) that changes none;
     * null when it cannot tell.
     */
    static String table(String sql) {
        String s = sql == null ? "" : sql.strip().toLowerCase(Locale.ROOT);
        while (s.startsWith("(")) {
            s = s.substring(1).stripLeading();
        }
        if (s.startsWith("select")) {
            int inner = s.indexOf("table (");
            if (inner >= 0 && (s.contains("final table") || s.contains("new table") || s.contains("old table"))) {
                return table(s.substring(inner + "table (".length()));
            }
            return s.contains(" for update") ? "" : null;
        }
        Matcher m = TARGET.matcher(s);
        if (!m.find()) {
            return null;
        }
        String t = m.group(1);
        return s.startsWith("delete") && CASCADING.contains(t) ? null : t;
    }

    /** New connections wait until {@link #resume}; connections already out are not affected. */
    synchronized void pause() {
        paused = true;
    }

    /** Hands out connections of {@code next} from now on (the file was replaced: every cache is stale). */
    synchronized void resume(DataSource next) {
        inner = next;
        synchronized (ends) {
            unknownVersion = version.incrementAndGet(); // a new file: every table may differ (ADR 0025)
        }
        paused = false;
        notifyAll();
    }

    private synchronized DataSource current() throws SQLException {
        while (paused) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while the database file was being replaced", e);
            }
        }
        return inner;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return track(current().getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return track(current().getConnection(user, password));
    }

    private Connection track(Connection c) {
        Tracked t = new Tracked(c);
        t.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, t);
        return t.proxy;
    }

    static boolean isRead(String sql) {
        String s = sql == null ? "" : sql.stripLeading().toLowerCase(Locale.ROOT);
        while (s.startsWith("(")) {
            s = s.substring(1).stripLeading();
        }
        if (s.startsWith("set time zone") || s.startsWith("set lazy_query_execution")) {
            return true; // a session's setting (the dashboard's zone, a streamed read): no data changes
        }
        // H2 writes INSERT/UPDATE/DELETE … RETURNING (jOOQ's returning()) as SELECT … FROM FINAL TABLE (…).
        return s.startsWith("select") && !s.contains(" for update") && !s.contains("final table") && !s.contains("new table")
                && !s.contains("old table");
    }

    /** One connection: dirty from the first write until its transaction ends. */
    private final class Tracked implements InvocationHandler {
        private final Connection c;
        private volatile boolean dirty;
        private final Set<String> tables = new HashSet<>();
        private boolean unknownTables;
        private Connection proxy;

        Tracked(Connection c) {
            this.c = c;
        }

        /** Bumped now (a cache built from here on may miss this write) and again when the write ends. */
        void wrote(String sql) {
            synchronized (this) {
                String t = sql == null ? "" : table(sql);
                if (t == null) {
                    unknownTables = true;
                } else if (!t.isEmpty()) {
                    tables.add(t);
                }
            }
            version.incrementAndGet();
            dirty = true;
        }

        void ended() {
            if (dirty) {
                dirty = false;
                synchronized (ends) {
                    long now = version.incrementAndGet();
                    synchronized (this) {
                        tables.forEach(t -> tableVersions.put(t, now));
                        if (unknownTables) {
                            unknownVersion = now;
                        }
                        tables.clear();
                        unknownTables = false;
                    }
                }
            }
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            if (name.equals("unwrap") && args != null && args[0] == Connection.class) {
                return proxy;
            }
            boolean endsTransaction = name.equals("commit") || name.equals("rollback") || name.equals("close")
                    || (name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0]));
            if ((name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("nativeSQL"))
                    && !(name.equals("prepareStatement") && isRead((String) args[0]))) {
                wrote(name.equals("prepareStatement") ? (String) args[0] : "call");
            }
            try {
                Object result = m.invoke(c, args);
                if (result instanceof Statement s && !name.equals("createStatement")) {
                    return wrap(s, m.getReturnType(), true);
                }
                if (result instanceof Statement s) {
                    return wrap(s, m.getReturnType(), false);
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (endsTransaction) {
                    ended();
                }
            }
        }

        /** Statements: a write through one ends with the statement when auto-committing. */
        private Object wrap(Statement s, Class<?> type, boolean prepared) {
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
                String name = m.getName();
                boolean executes = name.startsWith("execute");
                if (!prepared && (executes || name.equals("addBatch")) && args != null && args.length > 0
                        && args[0] instanceof String sql && !isRead(sql)) {
                    wrote(sql);
                }
                if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                    wrote(null); // its statements were noted when prepared or added
                }
                if (name.equals("unwrap") && args != null && args[0] == type) {
                    return p;
                }
                if (name.equals("getConnection")) {
                    return proxy;
                }
                Cancellation stop = executes ? Stoppable.current() : null;
                if (stop != null) {
                    return stoppable(stop, s, m, args);
                }
                try {
                    return m.invoke(s, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                } finally {
                    if (executes && dirty && c.getAutoCommit()) {
                        ended();
                    }
                }
            });
        }

        /**
         * A statement of stoppable work (ADR 0038): not started once {@code stop} is cancelled, cancelled while it runs.
         * H2 keeps a cancel that arrives just after its last check for the session's next statement, and the
         * connection goes back to the pool: so the cancel is issued only while this statement runs, and a stopped
         * statement's session has any such cancel cleared before it is handed on.
         */
        private Object stoppable(Cancellation stop, Statement s, Method m, Object[] args) throws Throwable {
            stop.check();
            boolean[] done = {false};
            Cancellation.Registration registration = stop.whenCancelled(() -> {
                synchronized (done) {
                    if (!done[0]) {
                        cancelQuietly(s);
                    }
                }
            });
            Throwable failure = null;
            Object result = null;
            try {
                result = m.invoke(s, args);
            } catch (InvocationTargetException e) {
                failure = e.getCause();
            } finally {
                synchronized (done) {
                    done[0] = true;
                }
                registration.close();
                if (dirty && c.getAutoCommit()) {
                    ended();
                }
            }
            if (stop.isCancelled()) {
                clearCancel(c);
                if (result instanceof AutoCloseable r) {
                    r.close();
                }
                throw new CancelledException();
            }
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }

    private static void cancelQuietly(Statement s) {
        try {
            s.cancel();
        } catch (SQLException | RuntimeException e) {
            // already closed or finished: nothing left to stop
        }
    }

    /** Consumes a cancel H2 still holds for the session (it would stop the session's next statement). */
    private static void clearCancel(Connection c) {
        try {
            if (c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession() instanceof org.h2.engine.SessionLocal session) {
                session.checkCanceled();
            }
        } catch (SQLException | RuntimeException e) {
            // the pending cancel, now consumed (or not an H2 session: nothing held)
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return inner.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        inner.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        inner.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return inner.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return inner.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : inner.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || inner.isWrapperFor(iface);
    }
}
