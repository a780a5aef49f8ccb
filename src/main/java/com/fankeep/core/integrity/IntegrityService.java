package com.fankeep.core.integrity;

import com.fankeep.core.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the database: every reference points at a row that exists, and the figures kept on customers (order
 * count, first and last order, spend per currency) match their orders. Read-only; run on start and by `db check`.
 */
public final class IntegrityService {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrityService.class);

    private final Database database;

    public IntegrityService(Database database) {
        this.database = database;
    }

    /** Keeps the file near its data's size (`db compact`, Settings, after big jobs, at close). */
    public com.fankeep.core.db.FileCompaction fileCompaction() {
        return new com.fankeep.core.db.FileCompaction(database);
    }

    public IntegrityReport check() {
        return run(true);
    }

    /**
     * References only: what the app runs on start, so the owner never waits for the figures on a large file. Inside
     * {@link com.fankeep.core.shared.Stoppable#call} it ends with {@link com.fankeep.core.shared.CancelledException} when
     * stopped: no report, since an unfinished check has neither passed nor found anything.
     */
    public IntegrityReport quickCheck() {
        return run(false);
    }

    /** The shop's counters against a recount; a wrong one is overwritten from it (in its own transaction). */
    private static void repairCounters(Connection c, List<IntegrityReport.Problem> repaired) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (String name : com.fankeep.core.db.ShopCounters.repair(c)) {
                repaired.add(new IntegrityReport.Problem("shop_counter", "shop_counter." + name, 1));
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private IntegrityReport run(boolean figures) {
        try (Connection c = database.dataSource().getConnection()) {
            return check(c, figures);
        } catch (SQLException e) {
            LOG.error("integrity check could not open the database", e);
            return new IntegrityReport(List.of(new IntegrityReport.Problem("unreadable", e.getMessage(), 0)), 0, 0);
        }
    }

    /** The checks on any connection, e.g. a bulk import's copy before it is swapped in (figures too when asked). */
    public static IntegrityReport check(Connection c, boolean figures) {
        long start = System.nanoTime();
        List<IntegrityReport.Problem> problems = new ArrayList<>();
        List<IntegrityReport.Problem> repaired = new ArrayList<>();
        long checks = 0;
        try {
            IntegrityRepository repo = new IntegrityRepository(c);
            for (IntegrityRepository.ForeignKey fk : repo.foreignKeys()) {
                checks++;
                add(problems, "foreign_key", fk.where(), repo.orphans(fk));
            }
            if (figures) {
                checks += 3;
                add(problems, "order_figures", "customer.order_count/first_order_at/last_order_at", repo.wrongOrderFigures());
                add(problems, "spend", "customer_spend", repo.wrongSpend());
                add(problems, "sort_keys", "customer.sort_nickname/sort_spend/sort_channels/sort_tags",
                        com.fankeep.core.db.CustomerSortKeys.stale(c));
                checks++;
                repairCounters(c, repaired);
            }
        } catch (com.fankeep.core.shared.CancelledException e) {
            // stopped part-way (the app closes, ADR 0038): neither passed nor a problem; it runs again next start
            LOG.info("integrity check stopped at check {}: not finished, so neither passed nor failed", checks);
            throw e;
        } catch (SQLException | RuntimeException e) {
            // A damaged file shows up here as a read error rather than as wrong numbers.
            LOG.error("integrity check could not read the database", e);
            problems.add(new IntegrityReport.Problem("unreadable", e.getClass().getSimpleName() + ": " + e.getMessage(), 0));
        }
        IntegrityReport report = new IntegrityReport(List.copyOf(problems), checks, (System.nanoTime() - start) / 1_000_000,
                List.copyOf(repaired));
        for (IntegrityReport.Problem r : repaired) {
            LOG.warn("integrity check: counter {} did not match a recount; repaired", r.where());
        }
        LOG.info("integrity check: {} checks, {} problems, {} ms", report.checks(), problems.size(), report.millis());
        return report;
    }

    private static void add(List<IntegrityReport.Problem> problems, String code, String where, long rows) {
        if (rows > 0) {
            problems.add(new IntegrityReport.Problem(code, where, rows));
        }
    }
}
