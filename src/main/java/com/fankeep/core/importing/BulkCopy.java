package com.fankeep.core.importing;

import com.fankeep.core.db.Database;
import com.fankeep.core.db.FolderSwap;
import com.fankeep.core.db.PlainIndexes;
import com.fankeep.core.db.PlainIndexes.Index;
import com.fankeep.core.integrity.IntegrityReport;
import com.fankeep.core.integrity.IntegrityService;
import com.fankeep.core.shared.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulk path's private copy of the database (ADR 0023): a consistent copy of the open file, loaded with the import
 * tables' secondary indexes dropped, the indexes built again over all rows, checked, then swapped in whole by
 * {@link Database#replaceFile}. Until the swap nobody sees it; a kill leaves it in {@link Database#BULK_DIR}, which the
 * next open deletes, or inside {@link FolderSwap}, which settles it.
 */
final class BulkCopy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BulkCopy.class);

    /**
     * The tables an import writes many rows to (the dashboard's aggregates and the duplicates scan's keys through
     * {@link ImportListener#onBulkCopy}): their secondary indexes are built after the load.
     */
    private static final List<String> LOADED_TABLES = List.of("SHOP_ORDER", "ORDER_LINE", "CUSTOMER", "CONTACT_CHANNEL",
            "CUSTOMER_SPEND", "BUYER_DAY", "BUYER_FIRST", "DUPLICATE_KEY");
    /** Read while loading (ImportRepository.hasCustomerWith looks a contact up by its channel): kept. */
    private static final Set<String> KEPT = Set.of("CONTACT_CHANNEL_KEY_IDX");
    /**
     * The copy is private and all-or-nothing comes from the swap, so it does without the open file's WRITE_DELAY=0
     * (ADR 0041): H2 then writes its pages every few MB of changes instead of at every chunk's commit (JFR, 1M rows:
     * a third of the commits' CPU was those writes, and H2 wrote 5.2 GB for a 472 MB file).
     */
    // not RETENTION_TIME=0 (ADR 0056 addendum): H2 stores it in the file, so the live database would keep it after the swap
    static final String COPY_OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";
    /** How long the swap waits for the app's other connections (a list page reading) to be returned. */
    private static final Duration IDLE_WAIT = Duration.ofSeconds(30);

    /** The database changed while the copy was being taken: the normal path is taken instead. */
    static final class NotQuietException extends Exception {
        NotQuietException(String message) {
            super(message);
        }
    }

    private final Database live;
    private final Path dir;
    private final long liveVersion;
    private final Map<String, Long> rowsBefore;
    private final Connection connection;
    private final List<Index> dropped = new ArrayList<>();
    private boolean ready;

    private BulkCopy(Database live, Path dir, long liveVersion, Map<String, Long> rowsBefore, Connection connection) {
        this.live = live;
        this.dir = dir;
        this.liveVersion = liveVersion;
        this.rowsBefore = rowsBefore;
        this.connection = connection;
    }

    /** Copies the open database ({@code BACKUP TO}: transactionally consistent, still encrypted when it is). */
    static BulkCopy of(Database live) throws IOException, SQLException, NotQuietException {
        Path dir = live.dataDir().resolve(Database.BULK_DIR);
        Folders.deleteTree(dir);
        Files.createDirectories(dir);
        try {
            Path zip = dir.resolve("copy.zip");
            long before = live.dataVersion();
            try (Connection c = live.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("backup to '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            long after = live.dataVersion();
            // the BACKUP statement itself moves the version twice (start, end); any more is a write of someone else
            // that may or may not be in the copy
            if (after - before != 2) {
                throw new NotQuietException("the database was written while it was copied");
            }
            unzip(zip, dir.resolve(Database.FILE_NAME + ".mv.db"));
            Files.delete(zip);
            Connection c = connect(dir, live);
            BulkCopy copy = new BulkCopy(live, dir, after, Database.countRows(c), c);
            c.setAutoCommit(false);
            return copy;
        } catch (IOException | SQLException | NotQuietException | RuntimeException e) {
            deleteQuietly(dir);
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    /**
     * One more connection to the copy, in a transaction: the rows' second writer (ADR 0054) and a derive step on a
     * second thread (ADR 0057). Its user closes it before the indexes are built and the copy is checked or closed.
     */
    Connection openConnection() throws SQLException {
        Connection c = connect(dir, live);
        c.setAutoCommit(false);
        return c;
    }

    /** Drops the secondary indexes of the loaded tables that the import does not read by (DDL: commits). */
    void dropIndexes() throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (Index index : PlainIndexes.of(connection, LOADED_TABLES)) {
                if (!KEPT.contains(index.name())) {
                    s.execute(index.dropSql());
                    dropped.add(index);
                }
            }
        }
        connection.commit();
        LOG.info("bulk import: {} secondary indexes dropped on the copy", dropped.size());
    }

    /**
     * While the rows are loaded the copy does not look up each new row's references (an order's customer, a line's
     * order, a channel's customer: ADR 0041, a quarter of the order inserts' CPU at 1M rows, mostly customer pages
     * read back into H2's cache). The import writes them in order itself; {@link #checkAndClose} checks every
     * reference of the copy before it can be swapped in. H2 keeps this setting in memory only.
     */
    void referenceChecks(boolean on) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("set referential_integrity " + on);
        }
    }

    /**
     * After the load is committed on the copy: builds the dropped indexes again, one after the other. H2 (2.4.240) holds
     * its schema lock for a whole CREATE INDEX, so a second connection building another table's indexes only waits
     * (ADR 0056). A cancel stops the build under way at once (its statement is cancelled), not only between builds.
     */
    void rebuildIndexes(com.fankeep.core.shared.Progress progress, com.fankeep.core.shared.Cancellation cancellation)
            throws SQLException {
        long start = System.nanoTime();
        int done = 0;
        try (Statement s = connection.createStatement();
             com.fankeep.core.shared.Cancellation.Registration r = cancellation.whenCancelled(() -> cancelQuietly(s))) {
            for (Index index : dropped) {
                cancellation.check();
                done++;
                progress.update(done, dropped.size(), "index " + done + "/" + dropped.size());
                try {
                    s.execute(index.createSql());
                } catch (SQLException e) {
                    cancellation.check(); // cancelled under way: a cancel, not a failure
                    throw e;
                }
            }
        }
        connection.commit();
        LOG.info("bulk import: {} indexes built in {} ms", dropped.size(), (System.nanoTime() - start) / 1_000_000);
    }

    private static void cancelQuietly(Statement s) {
        try {
            s.cancel();
        } catch (SQLException e) {
            LOG.debug("cancelling the index build: {}", e.toString());
        }
    }

    /** A connection to the copy in {@code dir}; a second one is a session of its own on the same open database. */
    private static Connection connect(Path dir, Database live) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(Database.FILE_NAME) + COPY_OPTIONS
                + ";IFEXISTS=TRUE" + Database.cipher(live.key()), "sa", Database.password(live.key()));
    }

    /**
     * Checks the copy (references, the rebuilt indexes there, rows: the import's new orders on top of the rows copied,
     * every table as many rows after closing it as before), closes it and keeps the file ready for {@link #swapIn}.
     */
    void checkAndClose(long newOrders) throws SQLException, IOException {
        IntegrityReport report = IntegrityService.check(connection, false);
        if (!report.problems().isEmpty()) {
            throw new IOException("the loaded copy fails the integrity check: " + report.problems());
        }
        Map<String, Long> rows = Database.countRows(connection);
        long orders = rows.getOrDefault("shop_order", 0L) - rowsBefore.getOrDefault("shop_order", 0L);
        if (orders != newOrders) {
            throw new IOException("the loaded copy holds " + orders + " new orders, the import wrote " + newOrders);
        }
        com.fankeep.core.db.FileCompaction.Fill fill = com.fankeep.core.db.FileCompaction.fillOf(connection);
        long closing = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            s.execute("shutdown");
        }
        connection.close();
        LOG.info("bulk import: the copy closed: {} bytes, {} live before; {} bytes after ({} ms)", fill.fileBytes(),
                fill.liveBytes(), Files.size(file()), (System.nanoTime() - closing) / 1_000_000);
        Path file = file();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(Database.FILE_NAME)
                + ";ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0;IFEXISTS=TRUE" + Database.cipher(live.key()), "sa",
                Database.password(live.key()))) {
            if (!Database.countRows(c).equals(rows)) {
                throw new IOException("the closed copy does not hold the rows it was closed with");
            }
            for (Index index : dropped) {
                try (PreparedStatement ps = c.prepareStatement(
                        "select count(*) from information_schema.indexes where index_name = ?")) {
                    ps.setString(1, index.name());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next() || rs.getLong(1) != 1) {
                            throw new IOException("the copy lacks index " + index.name());
                        }
                    }
                }
            }
        }
        ready = Files.isRegularFile(file);
    }

    /** Puts the checked copy in place of the open database; refused (nothing changed) when it was written meanwhile. */
    void swapIn(FolderSwap.Steps steps) throws IOException {
        if (!ready) {
            throw new IllegalStateException("the copy was not checked");
        }
        // the saved search index describes the file being replaced (as on restore); it is built again on next start
        Files.deleteIfExists(live.dataDir().resolve(com.fankeep.core.customer.CustomerSearchService.SNAPSHOT_FILE));
        live.replaceFile(file(), liveVersion, IDLE_WAIT, steps);
        ready = false;
        deleteQuietly(dir);
    }

    private Path file() {
        return dir.resolve(Database.FILE_NAME + ".mv.db");
    }

    /** Forgets the copy (cancel, failure, roll back): the open database was never touched. */
    @Override
    public void close() {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                try (Statement s = connection.createStatement()) {
                    s.execute("shutdown immediately");
                } catch (SQLException ignored) {
                    // closing anyway
                }
                connection.close();
            }
        } catch (SQLException e) {
            LOG.debug("closing the bulk copy: {}", e.toString());
        }
        ready = false;
        deleteQuietly(dir);
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(".mv.db")) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        }
        throw new IOException("the copy " + zip + " holds no database file");
    }

    private static void deleteQuietly(Path dir) {
        try {
            Folders.deleteTree(dir);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
