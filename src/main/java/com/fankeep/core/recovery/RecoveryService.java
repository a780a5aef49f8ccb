package com.fankeep.core.recovery;

import com.fankeep.core.customer.CustomerChangeListener;
import com.fankeep.core.db.Database;
import com.fankeep.core.settings.SettingsService;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The recovery pipeline (老客户寻回): lapsed customers ranked by value, and their way back: to contact → contacted →
 * added on WeChat/QQ → active again. "Active again" is also set on its own when an import brings a newer order
 * from someone in the pipeline ({@link #catchUp}, idempotent, run after every import).
 */
public final class RecoveryService {

    private final Database database;
    private final SettingsService settings;
    private final CustomerChangeListener changes;
    private final Clock clock;

    public RecoveryService(Database database, SettingsService settings, CustomerChangeListener changes, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.changes = changes;
        this.clock = clock;
    }

    /** Days without an order after which a customer is lapsed (Settings; 180 unless changed). */
    public int lapseDays() {
        return settings.recoveryLapseDays();
    }

    public void setLapseDays(int days) {
        settings.setRecoveryLapseDays(days);
    }

    /** Counts per state and the first {@code perColumn} customers of each, most valuable first. */
    public RecoveryBoard board(int perColumn) {
        int days = lapseDays();
        OffsetDateTime before = lapsedBefore(days);
        return tx(c -> {
            RecoveryRepository repo = new RecoveryRepository(c);
            Map<RecoveryState, List<RecoveryCustomer>> columns = new EnumMap<>(RecoveryState.class);
            for (RecoveryState s : RecoveryState.values()) {
                columns.put(s, repo.list(s, before, perColumn, 0));
            }
            return new RecoveryBoard(days, repo.counts(before), columns);
        });
    }

    /** How many customers each column of the board holds, without the columns (Today's next steps). */
    public Map<RecoveryState, Integer> counts() {
        OffsetDateTime before = lapsedBefore(lapseDays());
        return tx(c -> new RecoveryRepository(c).counts(before));
    }

    /** One state's customers (for NONE: lapsed ones not in the pipeline), most valuable first, a page at a time. */
    public List<RecoveryCustomer> list(RecoveryState state, int limit, int offset) {
        OffsetDateTime before = lapsedBefore(lapseDays());
        return tx(c -> new RecoveryRepository(c).list(state, before, limit, offset));
    }

    /**
     * Moves customers to a state (NONE takes them out of the pipeline). Entering the pipeline remembers when, so a
     * later order counts as "bought again". @return how many changed
     */
    public int move(Collection<Long> customerIds, RecoveryState to) {
        OffsetDateTime now = now();
        List<Long> changed = tx(c -> new RecoveryRepository(c).move(customerIds, to, now));
        if (!changed.isEmpty()) {
            changes.customersChanged(changed);
        }
        return changed.size();
    }

    /** Sets "active again" for everyone in the pipeline with an order newer than their entering it. @return how many */
    public int catchUp() {
        OffsetDateTime now = now();
        List<Long> changed = tx(c -> new RecoveryRepository(c).catchUp(now));
        if (!changed.isEmpty()) {
            changes.customersChanged(changed);
        }
        return changed.size();
    }

    /** After an import was undone: "active again" set by an import whose order is gone goes back to the earlier state. */
    public int revertWithoutNewOrders() {
        OffsetDateTime now = now();
        List<Long> changed = tx(c -> new RecoveryRepository(c).revert(now));
        if (!changed.isEmpty()) {
            changes.customersChanged(changed);
        }
        return changed.size();
    }

    private OffsetDateTime lapsedBefore(int days) {
        return now().minusDays(days);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T tx(Work<T> work) {
        return database.transactionResult(dsl -> dsl.connectionResult(work::run));
    }
}
