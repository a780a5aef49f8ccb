package com.fankeep.core.tier;

import com.fankeep.core.db.ManyRowInsert;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tiers of a bulk import's customers on its copy, before the copy's indexes are built (ADR 0055): one read of each of
 * {@code tier_pin}, {@code customer_tier}, {@code customer_spend} and {@code customer}, the tier decided in Java by the
 * same rule as TierRepository's SQL, then the history and customer_tier rows written by statements of many rows. The
 * SQL by id range cost a look-up of spend, pin and tier per customer and a one-row batch per changed customer. Not used
 * when referrals count (their counts need the customer index the copy dropped). TierOnCopyTest compares it with
 * {@link TierService#recompute(Collection, TierReason)}.
 */
final class TiersOnCopy {

    private final Connection c;
    private final TierSettings s;
    private final TierCutoffs cut;
    /** The customers to recompute, ascending. */
    private final long[] scope;
    private final String[] oldTier;
    private final String[] newTier;
    private final boolean[] erased;
    private final BigDecimal[] money;

    private TiersOnCopy(Connection c, TierSettings s, TierCutoffs cut, long[] scope) {
        this.c = c;
        this.s = s;
        this.cut = cut;
        this.scope = scope;
        oldTier = new String[scope.length];
        newTier = new String[scope.length];
        erased = new boolean[scope.length];
        money = new BigDecimal[scope.length];
    }

    /** Recomputes {@code ids} as TierService.recompute does; returns how many changed. */
    static int recompute(Connection c, TierSettings s, TierCutoffs cut, Collection<Long> ids, TierReason reason, OffsetDateTime now,
                         int chunkIds, int chunkRange) throws SQLException {
        long[] scope = ids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        TiersOnCopy t = new TiersOnCopy(c, s, cut, scope);
        t.read();
        // the history rows in the order TierService.recompute writes them: part by part (TierRepository.chunks), each
        // part in id order, so their ids are the same
        List<Integer> changed = new ArrayList<>();
        for (List<Long> part : TierRepository.chunks(ids, chunkIds, chunkRange)) {
            for (long id : part.stream().sorted().toList()) {
                int k = Arrays.binarySearch(scope, id);
                if (!Objects.equals(t.oldTier[k], t.newTier[k])) {
                    changed.add(k);
                }
            }
        }
        t.write(changed, reason, now);
        return changed.size();
    }

    private void read() throws SQLException {
        Map<Long, String> pins = new HashMap<>();
        forEach("select customer_id, tier from tier_pin", rs -> pins.put(rs.getLong(1), rs.getString(2)));
        forEach("select customer_id, tier from customer_tier", rs -> {
            int k = Arrays.binarySearch(scope, rs.getLong(1));
            if (k >= 0) {
                oldTier[k] = rs.getString(2);
            }
        });
        Map<String, BigDecimal> rates = s.rates();
        forEach("select customer_id, currency, net_spend from customer_spend", rs -> {
            int k = Arrays.binarySearch(scope, rs.getLong(1));
            if (k >= 0) {
                BigDecimal rate = rates.getOrDefault(rs.getString(2), BigDecimal.ZERO);
                BigDecimal add = rs.getBigDecimal(3).multiply(rate);
                money[k] = money[k] == null ? add : money[k].add(add);
            }
        });
        forEach("select id, order_count, last_order_at, merged_into_id is null and erased_at is null, erased_at is not null"
                + " from customer", rs -> {
            int k = Arrays.binarySearch(scope, rs.getLong(1));
            if (k >= 0) {
                erased[k] = rs.getBoolean(5);
                OffsetDateTime last = rs.getObject(3, OffsetDateTime.class);
                newTier[k] = tier(rs.getBoolean(4), pins.get(scope[k]), rs.getInt(2), last == null ? null : last.toInstant(),
                        money[k] == null ? BigDecimal.ZERO : money[k]);
            }
        });
    }

    /** TierRepository.computed's rule; a null last order compares as SQL's unknown (no branch with it is taken). */
    private String tier(boolean live, String pinned, int orders, Instant last, BigDecimal spend) {
        if (!live) {
            return null;
        }
        if (pinned != null) {
            return pinned;
        }
        if (orders <= 0) {
            return null;
        }
        if (last != null && last.isBefore(cut.lapsed().toInstant())) {
            return Tier.LAPSED.code();
        }
        if (orders >= s.ironMinOrders() && spend.compareTo(s.ironMinSpend()) >= 0 && last != null && !last.isBefore(cut.iron().toInstant())) {
            return Tier.IRON_FAN.code();
        }
        if (orders >= s.vipMinOrders() && spend.compareTo(s.vipMinSpend()) >= 0 && last != null && !last.isBefore(cut.vip().toInstant())) {
            return Tier.VIP.code();
        }
        if (orders <= s.newMaxOrders() && last != null && !last.isBefore(cut.newcomer().toInstant())) {
            return Tier.NEW.code();
        }
        return Tier.REGULAR.code();
    }

    private void write(List<Integer> changed, TierReason reason, OffsetDateTime now) throws SQLException {
        List<Long> gone = new ArrayList<>();
        try (ManyRowInsert history = new ManyRowInsert(c, "tier_history", "customer_id, from_tier, to_tier, changed_at, reason",
                new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR})) {
            for (int k : changed) {
                history.add(scope[k], oldTier[k], newTier[k], now, reason.code());
                if (oldTier[k] != null) {
                    gone.add(scope[k]);
                }
            }
        }
        try (PreparedStatement delete = c.prepareStatement("delete from customer_tier where customer_id = ?")) {
            for (long id : gone) {
                delete.setLong(1, id);
                delete.addBatch();
            }
            if (!gone.isEmpty()) {
                delete.executeBatch();
            }
        }
        List<Integer> byId = new ArrayList<>(changed);
        byId.sort(null);
        try (ManyRowInsert tiers = new ManyRowInsert(c, "customer_tier", "customer_id, tier", new int[] {Types.BIGINT, Types.VARCHAR})) {
            for (int k : byId) {
                if (newTier[k] != null) {
                    tiers.add(scope[k], newTier[k]);
                }
            }
        }
        // erased customers keep no tier history or pin (TierRepository.forgetErased)
        List<Long> forget = new ArrayList<>();
        for (int k = 0; k < scope.length; k++) {
            if (erased[k]) {
                forget.add(scope[k]);
            }
        }
        for (String table : List.of("tier_history", "tier_pin")) {
            try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where customer_id = ?")) {
                for (long id : forget) {
                    ps.setLong(1, id);
                    ps.addBatch();
                }
                if (!forget.isEmpty()) {
                    ps.executeBatch();
                }
            }
        }
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private void forEach(String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }
}
