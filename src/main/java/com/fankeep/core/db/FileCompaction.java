package com.fankeep.core.db;

import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the H2 file near the size its data needs (issue #17, ADR 0022). H2 writes copy-on-write: a big import, its
 * undo, a large merge or erasure leave most of the file as old chunks (4.4 GB for 382 MB of data). The fill rate
 * comes from H2's {@code info.*} settings; {@link #compact} rewrites the live chunks to the front and truncates the
 * file, online, in slices of a second (progress and cancelling between slices; the store is consistent after each),
 * through H2's engine API because SQL has only {@code SHUTDOWN COMPACT}, which would close the database under the app.
 * It works the same on an encrypted file (the pages are moved, not decrypted).
 */
public final class FileCompaction {

    private static final Logger LOG = LoggerFactory.getLogger(FileCompaction.class);
    /** Compact when the file is more than this many times its live data... */
    public static final double BLOATED = 2.0;
    /** Below this a file is never worth a pass (a new database is a few MB of mostly empty chunks); tests lower it. */
    static final String MIN_BYTES_PROPERTY = "fankeep.compact.minBytes";
    /** ...and an online pass stops once it is within this. */
    static final double TARGET = 1.5;
    private static final int SLICE_MS = 1000;
    private static final int MAX_SLICES = 600;
    private static final int MAX_IDLE_SLICES = 30;
    private static final long IDLE_SLICE_PER_BYTES = 256L << 20;

    private final Database database;
    private final long minBytes;

    public FileCompaction(Database database) {
        this(database, minBytes());
    }

    static long minBytes() {
        return Long.getLong(MIN_BYTES_PROPERTY, 16L << 20);
    }

    /** @param minBytes below this size a file is never "bloated" (tests use small files) */
    public FileCompaction(Database database, long minBytes) {
        this.database = database;
        this.minBytes = minBytes;
    }

    /** The file's size and the bytes its live data takes. */
    public record Fill(long fileBytes, long liveBytes) {

        public double ratio() {
            return liveBytes <= 0 ? 1 : (double) fileBytes / liveBytes;
        }

        public boolean bloated() {
            return bloated(minBytes());
        }

        public boolean bloated(long minBytes) {
            return fileBytes > minBytes && ratio() > BLOATED;
        }
    }

    /** Before and after a compaction. */
    public record Result(long beforeBytes, long afterBytes, long millis) {
    }

    public Fill fill() {
        try (Connection c = database.dataSource().getConnection()) {
            return fill(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's fill rate: " + e.getMessage(), e);
        }
    }

    /** The fill of the database under {@code c} (any H2 connection, e.g. a bulk import's copy). */
    public static Fill fillOf(Connection c) throws SQLException {
        return fill(c);
    }

    static Fill fill(Connection c) throws SQLException {
        Map<String, Long> info = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select setting_name, setting_value from information_schema.settings "
                + "where setting_name in ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE')");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                info.put(rs.getString(1), Long.parseLong(rs.getString(2).trim()));
            }
        }
        long file = info.getOrDefault("info.FILE_SIZE", 0L);
        // blocks in use × live share of those blocks
        long live = file * info.getOrDefault("info.FILL_RATE", 100L) / 100 * info.getOrDefault("info.CHUNKS_FILL_RATE", 100L) / 100;
        return new Fill(file, live);
    }

    /** Compacts only when the file is more than twice its live data (after a big job, at close). */
    public Result compactIfBloated(Progress progress, Cancellation cancellation) {
        Fill before = fill();
        return before.bloated(minBytes) ? compact(progress, cancellation) : new Result(before.fileBytes(), before.fileBytes(), 0);
    }

    /** Compacts now, until the file stops shrinking; cancel between slices. */
    public Result compact(Progress progress, Cancellation cancellation) {
        long start = System.nanoTime();
        try (Connection c = database.dataSource().getConnection()) {
            Fill first = fill(c);
            org.h2.mvstore.db.Store store = store(c);
            Fill now = first;
            int idle = 0;
            // until the file stops shrinking: H2's live-data figure counts whole chunks, so "within 1.5×" by it can
            // still be twice what a full rewrite needs (FileCompactionTest compares with SHUTDOWN COMPACT)
            // H2 frees the file's end only after it moved enough chunks: a 4.2 GB file with 540 MB live showed no
            // shrinking for 8 s, then 984 MB — so a big file gets more slices without shrinking before we give up
            int idleLimit = (int) Math.max(2, Math.min(MAX_IDLE_SLICES, first.fileBytes() / IDLE_SLICE_PER_BYTES));
            for (int slice = 0; slice < MAX_SLICES && idle < idleLimit && now.ratio() > TARGET; slice++) {
                cancellation.check();
                progress.update(progressOf(first, now), 1000, null);
                store.compactFile(SLICE_MS);
                Fill next = fill(c);
                idle = next.fileBytes() < now.fileBytes() ? 0 : idle + 1;
                now = next;
            }
            if (first.bloated(minBytes)) {
                // moving chunks online leaves the file above what a full rewrite needs (920 MB vs 430 MB there):
                // the close does the full rewrite
                database.compactAtClose();
            }
            progress.update(1000, 1000, null);
            Result r = new Result(first.fileBytes(), now.fileBytes(), (System.nanoTime() - start) / 1_000_000);
            LOG.info("compacted the database file: {} → {} bytes ({} live) in {} ms", r.beforeBytes(), r.afterBytes(),
                    now.liveBytes(), r.millis());
            return r;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compact the database file: " + e.getMessage(), e);
        }
    }

    private static long progressOf(Fill first, Fill now) {
        long toShed = Math.max(1, first.fileBytes() - first.liveBytes());
        long shed = Math.max(0, first.fileBytes() - now.fileBytes());
        return Math.min(999, shed * 1000 / toShed);
    }

    /** H2's store under this embedded connection (WriteTracking wraps the pool's connections). */
    static org.h2.mvstore.db.Store store(Connection c) throws SQLException {
        org.h2.jdbc.JdbcConnection h2 = c.unwrap(org.h2.jdbc.JdbcConnection.class);
        return ((org.h2.engine.SessionLocal) h2.getSession()).getDatabase().getStore();
    }
}
