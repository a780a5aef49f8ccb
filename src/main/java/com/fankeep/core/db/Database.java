package com.fankeep.core.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one database of a data folder: an H2 file opened in embedded mode, migrated by Flyway on open.
 * Services take their transactions from here; repositories get the {@link DSLContext} of that transaction.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** File name of the H2 database inside the data folder (H2 adds ".mv.db"). */
    public static final String FILE_NAME = "fankeep";

    /**
     * WRITE_DELAY=0: every COMMIT reaches the OS before it returns, so an acknowledged save survives kill -9
     * (ADR 0005). The default FS file lock keeps a second process out (error 90020). No H2 trace file: it could
     * hold SQL with personal data unmasked; our own log records the exceptions.
     */
    public static final String URL_OPTIONS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";

    /** Where Flyway finds the migrations: SQL files, and the few written in Java (V0008). */
    public static final String[] MIGRATIONS = {"classpath:db/migration", "classpath:com/fankeep/core/db/migration"};

    /**
     * Where a bulk import builds its copy of the database (ADR 0023). Only an open database uses it, so a leftover
     * of a killed import is deleted when the folder is next opened.
     */
    public static final String BULK_DIR = "import-bulk";

    /** Folders open in this JVM: H2 would silently share a second open of the same file, then close it under us. */
    private static final java.util.Set<Path> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path dataDir;
    private final String url;
    /** Replaced (closed, then opened on the new file) only by {@link #replaceFile}. */
    private volatile JdbcConnectionPool pool;
    /** Every connection handed out (jOOQ's and plain JDBC's) comes through here, so every write moves the version. */
    private final WriteTracking tracked;
    /** Made on first use: a command answered by plain JDBC (`stats`) never pays for jOOQ's start (ADR 0038). */
    private volatile DSLContext dsl;
    private final DatabaseKey key;
    private volatile boolean closed;

    /** Opened with ACCESS_MODE_DATA=r ({@link #openForReading}): nothing can be written, nothing is rewritten at close. */
    private final boolean readOnly;

    private Database(Path dataDir, String url, JdbcConnectionPool pool, DatabaseKey key, boolean readOnly) {
        this.dataDir = dataDir;
        this.url = url;
        this.pool = pool;
        this.key = key;
        this.readOnly = readOnly;
        this.tracked = new WriteTracking(pool);
    }

    /** jOOQ renders names unquoted and without schema, so the same code runs on H2 and PostgreSQL (ADR 0003). */
    public static Settings jooqSettings() {
        return new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withRenderSchema(false)
                .withExecuteLogging(false);
    }

    /** Opens (creating and migrating if needed) the database in {@code dataDir}; an encrypted one is refused. */
    public static Database open(Path dataDir) {
        return open(dataDir, null);
    }

    /**
     * Opens the database in {@code dataDir} with {@code key} (null: the folder is not encrypted). A folder with a key
     * file needs the key of that file ({@link WrongPasswordException} otherwise).
     */
    public static Database open(Path dataDir, DatabaseKey key) {
        return open(dataDir, key, null);
    }

    /**
     * As {@link #open(Path, DatabaseKey)}, opening the file once: when it holds data of an older FanKeep that is about to
     * be migrated, {@code beforeMigration} (may be null) first runs on it as it is — the backup before an upgrade, which
     * used to open the file a second time. An up-to-date database is recognised without Flyway
     * ({@link SchemaCheck}, ADR 0035).
     */
    public static Database open(Path dataDir, DatabaseKey key, Consumer<DataSource> beforeMigration) {
        return open(dataDir, key, beforeMigration, UpgradeProgress.NONE);
    }

    /**
     * As {@link #open(Path, DatabaseKey, Consumer)}; an update of existing data reports to {@code progress} (the backup,
     * then each migration) and stops when it is cancelled: the copy being migrated is deleted, the old file stays as it
     * was, and {@link UpgradeCancelledException} is thrown (ADR 0048).
     */
    public static Database open(Path dataDir, DatabaseKey key, Consumer<DataSource> beforeMigration, UpgradeProgress progress) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DatabaseOpenException(dir, "Cannot create the data folder " + dir + ": " + e.getMessage(), e);
        }
        if (!OPEN.add(dir)) {
            throw new DatabaseInUseException(dir, null);
        }
        try {
            checkKey(dir, key);
        } catch (RuntimeException e) {
            OPEN.remove(dir);
            throw e;
        }
        // before H2 touches the file: is it still exactly as the last clean close left it (a backup holding it, notes)?
        LastClose.Facts lastClose = LastClose.take(dir, dir.resolve(FILE_NAME + ".mv.db"));
        java.util.Optional<String> backedUp = lastClose.backup();
        java.util.Map<String, String> notes = new java.util.HashMap<>(lastClose.notes());
        String url = "jdbc:h2:file:" + dir.resolve(FILE_NAME) + URL_OPTIONS + cipher(key);
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", password(key));
        pool.setMaxConnections(8);
        try {
            // Open one connection first: the file lock is taken here, before any migration can touch the file.
            boolean empty;
            try (Connection c = pool.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("select readonly()")) {
                LOG.debug("opened {}", dir);
                // H2 silently opens a file it cannot write read-only; every save would then fail with a puzzling error.
                if (rs.next() && rs.getBoolean(1)) {
                    throw new DatabaseOpenException(dir, "The data folder " + dir + " is read-only (a locked or removed drive, "
                            + "or no permission): FanKeep cannot save there. Nothing was changed.", null);
                }
                empty = noTables(c);
            }
            int pending = empty ? 0 : SchemaCheck.upToDate(pool) ? -1 : pendingMigrations(pool, beforeMigration, progress);
            if (empty || pending > 0) {
                pool.dispose(); // closes the file, so it can be copied whole
                migrateACopy(dir, key, empty, empty ? UpgradeProgress.NONE : progress, pending);
                backedUp = java.util.Optional.empty(); // the schema changed: no backup holds this file
                notes.clear(); // nor is anything noted at the last close known of it
                pool = JdbcConnectionPool.create(url, "sa", password(key));
                pool.setMaxConnections(8);
                pool.getConnection().close(); // takes the file lock again
            }
            // the file lock is ours: a bulk import's copy left here was killed before its swap and is not needed
            com.fankeep.core.shared.Folders.deleteTree(dir.resolve(BULK_DIR));
            Database db = new Database(dir, url, pool, key, false);
            if (backedUp.isPresent()) {
                db.backedUp = new Mark(backedUp.get(), db.dataVersion());
            }
            db.notesAtOpen = java.util.Map.copyOf(notes);
            db.openedAt = db.dataVersion();
            return db;
        } catch (IOException | SQLException | RuntimeException e) {
            pool.dispose();
            OPEN.remove(dir);
            if (progress.cancelled()) {
                LOG.info("the update of the data in {} was cancelled; the old file is kept", dir);
                throw new UpgradeCancelledException(dir);
            }
            throw failed(dir, key, e);
        }
    }

    /** What an open that failed throws (the pool is disposed and the folder released already). */
    private static RuntimeException failed(Path dir, DatabaseKey key, Exception e) {
        if (e instanceof IOException) {
            return new DatabaseOpenException(dir, "Cannot update the database in " + dir + ": " + e.getMessage(), e);
        }
        if (e instanceof SQLException sql) {
            if (sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return new DatabaseInUseException(dir, sql);
            }
            if (key != null && sql.getErrorCode() == ErrorCode.FILE_ENCRYPTION_ERROR_1) {
                return new WrongPasswordException(dir, false);
            }
            return new DatabaseOpenException(dir, "Cannot open the database in " + dir + ": " + e.getMessage(), e);
        }
        if (e instanceof DatabaseOpenException open) {
            return open;
        }
        if (e instanceof BeforeMigrationFailed before) {
            return (RuntimeException) before.getCause(); // nothing was migrated
        }
        return new DatabaseOpenException(dir, "Cannot prepare the database in " + dir + ": " + e.getMessage(), e);
    }

    /**
     * For a command that only reads (`stats`): the file opened read-only (H2's ACCESS_MODE_DATA=r) when it is exactly at
     * this build's schema, so nothing is written on open or close (no compaction, no header rewrite). Anything else —
     * no file yet, a migration pending, an older or newer FanKeep's data, an interrupted key change — goes through
     * {@link #open(Path, DatabaseKey, Consumer)} as every other command does (ADR 0038).
     */
    public static Database openForReading(Path dataDir, DatabaseKey key, Consumer<DataSource> beforeMigration) {
        return openForReading(dataDir, key, beforeMigration, UpgradeProgress.NONE);
    }

    /** As above; an update of older data reports to {@code progress} (ADR 0048). */
    public static Database openForReading(Path dataDir, DatabaseKey key, Consumer<DataSource> beforeMigration,
                                          UpgradeProgress progress) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(FILE_NAME + ".mv.db")) || Files.isDirectory(dir.resolve(BULK_DIR))) {
            return open(dataDir, key, beforeMigration, progress);
        }
        if (!OPEN.add(dir)) {
            throw new DatabaseInUseException(dir, null);
        }
        JdbcConnectionPool pool = null;
        try {
            checkKey(dir, key); // settles an interrupted key change first, as every open does
            String url = "jdbc:h2:file:" + dir.resolve(FILE_NAME) + URL_OPTIONS + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE" + cipher(key);
            pool = JdbcConnectionPool.create(url, "sa", password(key));
            pool.setMaxConnections(8);
            if (SchemaCheck.upToDate(pool)) {
                return new Database(dir, url, pool, key, true);
            }
        } catch (RuntimeException e) {
            OPEN.remove(dir);
            if (pool != null) {
                pool.dispose();
            }
            throw e;
        }
        pool.dispose(); // not current: opened for writing, and migrated as always
        OPEN.remove(dir);
        return open(dataDir, key, beforeMigration, progress);
    }

    /** True when opened by {@link #openForReading}: every write fails. */
    public boolean readOnly() {
        return readOnly;
    }

    /** Settles an interrupted key change, then checks the key fits the folder's key file (or its absence). */
    private static void checkKey(Path dir, DatabaseKey key) {
        FolderSwap.settle(dir);
        java.util.Optional<KeyFile> keyFile = KeyFile.read(dir);
        if (keyFile.isPresent() && (key == null || !key.salt().equals(keyFile.get().salt()))) {
            throw new WrongPasswordException(dir, key == null);
        }
        if (keyFile.isEmpty() && key != null) {
            throw new DatabaseOpenException(dir, "The database in " + dir + " is not encrypted", null);
        }
    }

    /** The URL options that make H2 read and write the file with AES (nothing for a plain database). */
    public static String cipher(DatabaseKey key) {
        return key == null ? "" : ";CIPHER=AES";
    }

    /** H2's connection password: the file password and the (empty) user password, or "" for a plain database. */
    public static String password(DatabaseKey key) {
        return key == null ? "" : new String(key.h2Password());
    }

    /**
     * Rows per table of the database file {@code mvDbFile} (any copy), opened read-only with {@code key} (null: plain).
     */
    public static java.util.Map<String, Long> countRows(Path mvDbFile, DatabaseKey key) throws SQLException {
        String base = mvDbFile.toAbsolutePath().toString();
        base = base.substring(0, base.length() - ".mv.db".length());
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + base
                + ";ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0;IFEXISTS=TRUE" + cipher(key), "sa", password(key))) {
            return countRows(c);
        }
    }

    /** Rows per table, by lower-case table name. */
    public static java.util.Map<String, Long> countRows(Connection c) throws SQLException {
        java.util.List<String> tables = new java.util.ArrayList<>();
        try (var s = c.createStatement();
             var rs = s.executeQuery("select table_name from information_schema.tables "
                     + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' order by table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        try (var s = c.createStatement()) {
            for (String t : tables) {
                try (var rs = s.executeQuery("select count(*) from \"" + t.replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    counts.put(t.toLowerCase(java.util.Locale.ROOT), rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** A brand-new (or never migrated) database: not a table yet, so every migration is pending. */
    private static boolean noTables(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("select count(*) from information_schema.tables "
                + "where table_schema = 'PUBLIC'")) {
            return rs.next() && rs.getLong(1) == 0;
        }
    }

    /**
     * Flyway's count of pending migrations; when some are pending over existing data, the owner is told
     * ({@code progress}) and {@code beforeMigration} runs first.
     */
    private static int pendingMigrations(DataSource dataSource, Consumer<DataSource> beforeMigration, UpgradeProgress progress) {
        var info = Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().info();
        int pending = info.pending().length;
        if (pending == 0 || info.applied().length == 0) {
            return pending;
        }
        progress.updating(dataSource, pending);
        MigrationProgress.checkCancelled(progress);
        if (beforeMigration != null) {
            progress.backingUp();
            try {
                beforeMigration.accept(dataSource);
            } catch (RuntimeException e) {
                throw new BeforeMigrationFailed(e);
            }
        }
        MigrationProgress.checkCancelled(progress); // the backup stays: a good copy of the data as it is
        return pending;
    }

    /** Carries the before-migration work's own exception (e.g. a backup that could not be written) out of open. */
    private static final class BeforeMigrationFailed extends RuntimeException {
        BeforeMigrationFailed(RuntimeException cause) {
            super(cause);
        }
    }

    /**
     * Migrates a copy of the database file and puts it in place with one rename. H2 commits each DDL statement on its
     * own and rebuilds a table for ALTER TABLE … ADD COLUMN through a temporary copy: a kill in the middle of that left
     * foreign keys pointing at the copy (found by ImportKillTest). Now a kill at any moment leaves either the old
     * file, untouched, or the fully migrated one; a half-migrated copy is deleted at the next start.
     */
    private static void migrateACopy(Path dir, DatabaseKey key, boolean empty, UpgradeProgress progress, int pending)
            throws IOException, SQLException {
        // a new plain database starts as the build's snapshot instead of running every migration (ADR 0034)
        try (java.io.InputStream snapshot = empty && key == null ? SchemaSnapshot.open() : null) {
            migrateACopy(dir, key, snapshot, progress, pending);
        }
    }

    /** As below, reporting nothing. */
    static void migrateACopy(Path dir, DatabaseKey key, java.io.InputStream snapshot) throws IOException, SQLException {
        migrateACopy(dir, key, snapshot, UpgradeProgress.NONE, 0);
    }

    /**
     * As above; {@code snapshot} (null: none) is copied in place of the folder's (empty) file, then migrated on. Each of
     * the {@code pending} migrations is reported to {@code progress}; once it is cancelled, the copy is deleted.
     */
    static void migrateACopy(Path dir, DatabaseKey key, java.io.InputStream snapshot, UpgradeProgress progress, int pending)
            throws IOException, SQLException {
        long start = System.nanoTime();
        Path file = dir.resolve(FILE_NAME + ".mv.db");
        Path copy = dir.resolve(FILE_NAME + "-migrating.mv.db");
        Files.deleteIfExists(copy);
        if (snapshot != null) {
            Files.copy(snapshot, copy);
        } else {
            Files.copy(file, copy);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve(FILE_NAME + "-migrating") + URL_OPTIONS
                + cipher(key), "sa", password(key));
        MigrationProgress.set(progress); // for a Java migration that counts its own work (V0196)
        boolean done = false;
        try {
            migrate(pool, new MigrationProgress(progress, pending)); // on a snapshot: validates its history, applies what is newer
            MigrationProgress.checkCancelled(progress); // after the last one: the old file is kept all the same
            try (Connection c = pool.getConnection(); var s = c.createStatement()) {
                if (snapshot != null) {
                    SchemaSnapshot.stamp(c);
                }
                s.execute("shutdown");
            }
            done = true;
        } finally {
            MigrationProgress.clear();
            pool.dispose();
            if (!done && progress.cancelled()) {
                Files.deleteIfExists(copy); // a failed migration's copy is deleted at the next open; a cancelled one now
            }
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(copy, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        LOG.info("database in {} {} in {} ms", dir, snapshot != null ? "made from the schema snapshot"
                : "updated to the current schema", (System.nanoTime() - start) / 1_000_000);
    }

    private static void migrate(DataSource dataSource, MigrationProgress progress) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .callbacks(progress)
                .loggers(MigrationLog.class.getName()) // a cancelled update is not Flyway's "failed! Please restore backups"
                .validateMigrationNaming(true)
                .load()
                .migrate();
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * A backup that holds the data as it was at data version {@code version}: every write through {@link #dataSource}
     * moves it. Not H2's store version: H2 rewrites chunks on its own (compaction) while only reads happen (ADR 0035).
     */
    private record Mark(String backup, long version) {
    }

    private java.util.Map<String, String> notesAtOpen = java.util.Map.of();
    private long openedAt;
    private final java.util.Map<String, java.util.function.Supplier<String>> notesAtClose = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A fact noted at the last clean close ({@link #noteAtClose}), when the file is exactly as that close left it (ADR
     * 0037); it held at {@link #openedAt}: writes since are for the caller to weigh ({@link #dataChangesSince}).
     */
    public java.util.Optional<String> closeNote(String name) {
        return java.util.Optional.ofNullable(notesAtOpen.get(name));
    }

    /** The data version when this database was opened. */
    public long openedAt() {
        return openedAt;
    }

    /** At a clean close, asks {@code value} for a fact to note for the next open (null: nothing known). */
    public void noteAtClose(String name, java.util.function.Supplier<String> value) {
        notesAtClose.put(name, value);
    }

    private java.util.Map<String, String> notesNow() {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        notesAtClose.forEach((name, value) -> {
            try {
                String v = value.get();
                if (v != null) {
                    out.put(name, v);
                }
            } catch (RuntimeException e) {
                LOG.warn("close note {} not taken: {}", name, e.toString());
            }
        });
        return out;
    }

    /** Set at open from {@link LastClose}, and by {@link #markBackedUp}; dropped when the file is replaced. */
    private volatile Mark backedUp;

    /**
     * The backup {@code backup} (a file name in the backups folder) holds the data as it was at {@code versionBefore},
     * provided nothing was written since ({@link #dataVersion}): then, until something is, {@link #backedUpAs} names it.
     */
    public void markBackedUp(String backup, long versionBefore) {
        backedUp = dataVersion() == versionBefore ? new Mark(backup, versionBefore) : null;
    }

    /** The backup holding exactly the data as it is now, if one is known (this session or, unchanged, an earlier one). */
    public java.util.Optional<String> backedUpAs() {
        Mark m = backedUp;
        if (m == null || closed) {
            return java.util.Optional.empty();
        }
        return m.version() == dataVersion() ? java.util.Optional.of(m.backup()) : java.util.Optional.empty();
    }

    /**
     * Puts {@code newFile} (a complete, checked, closed database file with this database's key) in place of the open
     * file with one rename ({@link FolderSwap}), provided nothing was written here since {@link #dataVersion} was
     * {@code expectedVersion}: otherwise that write would be lost, and nothing is changed ({@link FileChangedException}).
     * New connections wait meanwhile; connections still out after {@code idleWait} refuse the swap too.
     */
    public synchronized void replaceFile(Path newFile, long expectedVersion, java.time.Duration idleWait,
                                         FolderSwap.Steps steps) throws IOException {
        try (AutoCloseable lock = FolderSwap.lockForChange(dataDir)) {
            tracked.pause();
            boolean closed = false;
            try {
                long deadline = System.nanoTime() + idleWait.toNanos();
                while (pool.getActiveConnections() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                if (pool.getActiveConnections() > 0) {
                    throw new FileChangedException("the database is busy (" + pool.getActiveConnections()
                            + " connections in use)");
                }
                if (tracked.version() != expectedVersion) {
                    throw new FileChangedException("the database was changed meanwhile");
                }
                steps.done("closing");
                backedUp = null; // another file: no backup is known to hold it
                pool.dispose(); // the last connection closes the file
                closed = true;
                FolderSwap.prepareStaging(dataDir);
                Files.move(newFile, FolderSwap.stagingFile(dataDir), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                FolderSwap.commit(dataDir, KeyFile.read(dataDir), steps);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } finally {
                if (closed) { // the new file, or the old one when the swap failed before its rename
                    JdbcConnectionPool next = JdbcConnectionPool.create(url, "sa", password(key));
                    next.setMaxConnections(8);
                    pool = next;
                }
                tracked.resume(pool);
            }
            try {
                pool.getConnection().close(); // takes the file lock again
            } catch (SQLException e) {
                throw new IOException("cannot open the new database file: " + e.getMessage(), e);
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot release the change lock: " + e.getMessage(), e);
        }
    }

    /** {@link #replaceFile} refused: the open file stays as it was. */
    public static final class FileChangedException extends IOException {
        public FileChangedException(String message) {
            super(message);
        }
    }

    public Path databaseFile() {
        return dataDir.resolve(FILE_NAME + ".mv.db");
    }

    public String url() {
        return url;
    }

    /** The key the database was opened with, or null when it is not encrypted. */
    public DatabaseKey key() {
        return key;
    }

    public boolean encrypted() {
        return key != null;
    }

    public SQLDialect dialect() {
        return SQLDialect.H2;
    }

    /** Non-transactional access for reads; writes go through {@link #transaction}. */
    public DSLContext dsl() {
        DSLContext d = dsl;
        if (d == null) {
            synchronized (this) {
                d = dsl;
                if (d == null) {
                    d = DSL.using(tracked, SQLDialect.H2, jooqSettings());
                    dsl = d;
                }
            }
        }
        return d;
    }

    /**
     * Closes with H2's full rewrite of the file ({@code SHUTDOWN COMPACT}: the live pages written afresh, the file
     * replaced): the smallest file, at the cost of reading all of it. For `db compact` and a bloated file at close.
     */
    private volatile boolean compactAtClose;

    /** Closing will rewrite the file in full (SHUTDOWN COMPACT): a big job bloated it this session. */
    public void compactAtClose() {
        compactAtClose = true;
    }

    public void closeCompacted() {
        if (!closed) {
            compactAtClose = true;
            close(); // comes back here with closed set, and notes the backup mark after
            return;
        }
        long start = System.nanoTime();
        try (Connection c = pool.getConnection(); var s = c.createStatement()) {
            s.execute("shutdown compact");
        } catch (SQLException e) {
            LOG.warn("shutdown compact failed: {}", e.toString());
        } finally {
            pool.dispose();
            OPEN.remove(dataDir);
        }
        LOG.info("closed with a full compaction in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    public <T> T transactionResult(Function<DSLContext, T> work) {
        return dsl().transactionResult(cfg -> work.apply(cfg.dsl()));
    }

    public void transaction(Consumer<DSLContext> work) {
        dsl().transaction(cfg -> work.accept(cfg.dsl()));
    }

    public DataSource dataSource() {
        return tracked;
    }

    /**
     * Changes after every committed write through this database's connections (and when one starts): a cache of
     * derived facts tagged with the version it was built at is current while the version is unchanged.
     */
    public long dataVersion() {
        return tracked.version();
    }

    /** The current version and the tables written since {@code version} (ADR 0025: a cache refreshes only those). */
    public DataChanges dataChangesSince(long version) {
        return tracked.changesSince(version);
    }

    /**
     * Closes the pool; H2 closes the file cleanly when its last connection closes (DB_CLOSE_DELAY=0). A file more than
     * twice its live data (after a big import, its undo, a large merge or erasure) is compacted first (ADR 0022).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (readOnly) {
            closed = true;
            closeFile(); // the file is as it was: the mark of the backup holding it (if any) stays true
            return;
        }
        long version = dataVersion();
        String stillBackedUp = backedUpAs().orElse(null);
        java.util.Map<String, String> notes = notesNow();
        closed = true;
        boolean clean = false;
        try {
            closeFile();
            clean = true;
        } finally {
            // a write after the facts were taken (late background work): they may not hold for the file as it is left
            boolean unchanged = dataVersion() == version;
            // after the file is closed as it will stay: the next open (or `stats`) can tell whether anything touched it since
            LastClose.write(dataDir, databaseFile(), unchanged ? stillBackedUp : null,
                    clean && unchanged ? notes : java.util.Map.of());
        }
    }

    /**
     * A note of the last clean close of the folder's database ({@link #noteAtClose}), read without opening it: present
     * only while the file is exactly as that close left it, at this build's schema, and no writable open has taken the
     * notes since (ADR 0047). Nothing is written. For a command that may answer from it alone (`stats`).
     */
    public static java.util.Optional<String> lastCloseNote(Path dataDir, String name) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (Files.exists(dir.resolve(FolderSwap.STAGING_DIR)) || Files.exists(dir.resolve(FolderSwap.NEXT_KEY))
                || Files.exists(dir.resolve(BULK_DIR))) {
            return java.util.Optional.empty(); // an interrupted change or bulk import: the next open settles it first
        }
        return java.util.Optional.ofNullable(LastClose.read(dir, dir.resolve(FILE_NAME + ".mv.db")).notes().get(name));
    }

    private void closeFile() {
        if (readOnly) {
            pool.dispose(); // nothing was written: no compaction, the file is left exactly as it was
            OPEN.remove(dataDir);
            return;
        }
        // a plain connection, not a pooled one: on a store broken by a full disk the pool's close fails in its rollback
        // and keeps the session, which keeps H2's broken database registered, so the next open would be refused
        try (Connection c = java.sql.DriverManager.getConnection(url, "sa", password(key))) {
            FileCompaction.Fill fill = FileCompaction.fill(c);
            LOG.info("closing: file {} bytes, {} live; full compaction: {}", fill.fileBytes(), fill.liveBytes(),
                    compactAtClose || fill.bloated());
            if (compactAtClose || fill.bloated()) {
                c.close();
                closeCompacted();
                return;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("compacting on close skipped: {}", e.toString());
        }
        pool.dispose();
        OPEN.remove(dataDir);
    }
}
