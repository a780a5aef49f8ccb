package com.fankeep.core.merge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The SQL of merging customers and of taking a merge back, on the connection of the service's transaction. */
final class MergeRepository {

    /** Order statuses that count as revenue (the importer's rule for derived figures). */
    static final String REVENUE_STATUSES = "('paid', 'shipped', 'completed', 'partially_refunded')";

    /** Rows that belong to a customer and follow them into the survivor; a key column and, if any, a one-per-customer column. */
    record Owned(String table, String key, String unique) {
    }

    static final List<Owned> OWNED = List.of(
            new Owned("shop_order", "id", null),
            new Owned("interaction", "id", null),
            new Owned("follow_up", "id", null),
            new Owned("customer_match", "id", null),
            new Owned("launch_reservation", "id", null),
            new Owned("launch_vote", "id", null),
            new Owned("campaign_entry", "id", "campaign_id"),
            new Owned("customer_tag", "tag_id", "tag_id"),
            new Owned("fan_group_member", "group_id", "group_id"));

    private final Connection c;

    MergeRepository(Connection c) {
        this.c = c;
    }

    Connection connection() {
        return c;
    }

    List<Map<String, String>> customers(Collection<Long> ids) throws SQLException {
        return RowImages.select(c, "select * from customer where id in " + in(ids) + " order by id", List.copyOf(ids));
    }

    List<Map<String, String>> spend(Collection<Long> ids) throws SQLException {
        return RowImages.select(c, "select * from customer_spend where customer_id in " + in(ids)
                + " order by customer_id, currency", List.copyOf(ids));
    }

    /** Moves a loser's rows of one table to the survivor; a row the survivor already has one of is deleted instead. */
    int moveOwned(Owned t, long loser, long survivor, MergeUndoCollector undo) throws SQLException {
        List<Map<String, String>> rows = RowImages.select(c, "select * from " + t.table() + " where customer_id = ?", List.of(loser));
        int moved = 0;
        for (Map<String, String> row : rows) {
            if (t.unique() != null && exists("select 1 from " + t.table() + " where customer_id = ? and " + t.unique() + " = ?",
                    survivor, RowImages.value(row.get(t.unique()), RowImages.columnTypes(c, t.table()).get(t.unique())))) {
                execute("delete from " + t.table() + " where customer_id = ? and " + t.key() + " = ?", loser, key(t.table(), t.key(), row));
                undo.deleted.add(new MergeUndoData.Deleted(t.table(), row));
                continue;
            }
            execute("update " + t.table() + " set customer_id = ? where customer_id = ? and " + t.key() + " = ?",
                    survivor, loser, key(t.table(), t.key(), row));
            undo.moves.add(new MergeUndoData.Move(t.table(), "customer_id", t.key(), row.get(t.key()), loser));
            moved++;
        }
        return moved;
    }

    /** Moves a loser's channels; one the survivor has already (same kind, platform and value) is deleted instead. */
    int moveChannels(long loser, long survivor, MergeUndoCollector undo) throws SQLException {
        List<Map<String, String>> rows = RowImages.select(c, "select * from contact_channel where customer_id = ? order by id", List.of(loser));
        int moved = 0;
        for (Map<String, String> row : rows) {
            long id = Long.parseLong(row.get("id"));
            String value = row.get("normalized_value") != null ? row.get("normalized_value") : row.get("raw_value");
            if (exists("select 1 from contact_channel where customer_id = ? and kind = ? and coalesce(platform, '') = ? "
                    + "and coalesce(normalized_value, raw_value) = ?", survivor, row.get("kind"),
                    Objects.requireNonNullElse(row.get("platform"), ""), value)) {
                execute("delete from contact_channel where id = ?", id);
                undo.deleted.add(new MergeUndoData.Deleted("contact_channel", row));
                continue;
            }
            if ("true".equals(row.get("is_primary")) && exists("select 1 from contact_channel where customer_id = ? and kind = ? "
                    + "and is_primary = true", survivor, row.get("kind"))) {
                execute("update contact_channel set is_primary = false where id = ?", id);
                undo.primaryCleared.add(id);
            }
            execute("update contact_channel set customer_id = ? where id = ?", survivor, id);
            undo.moves.add(new MergeUndoData.Move("contact_channel", "customer_id", "id", row.get("id"), loser));
            moved++;
        }
        return moved;
    }

    /**
     * After the moves the survivor may hold two current votes in one launch (both had voted): the latest stays current,
     * the others become history, like a changed answer. Their ids are kept for undo.
     */
    void retireDoubleVotes(long survivor, MergeUndoCollector undo) throws SQLException {
        List<Long> older = longs("select v.id from launch_vote v where v.customer_id = ? and v.is_current = true and exists ("
                + "select 1 from launch_vote w where w.launch_id = v.launch_id and w.customer_id = v.customer_id "
                + "and w.is_current = true and (w.voted_at > v.voted_at or (w.voted_at = v.voted_at and w.id > v.id)))", survivor);
        for (long id : older) {
            execute("update launch_vote set is_current = false where id = ?", id);
            undo.votesRetired.add(id);
        }
    }

    /** Undo: the votes the merge made history are current again, unless their customer has voted since in that launch. */
    void restoreVotes(List<Long> ids) throws SQLException {
        for (long id : ids) {
            execute("update launch_vote set is_current = true where id = ? and not exists (select 1 from launch_vote w "
                    + "where w.launch_id = launch_vote.launch_id and w.customer_id = launch_vote.customer_id and w.id > launch_vote.id "
                    + "and w.is_current = true)", id);
        }
    }

    /** Customers that pointed at a loser (referred by, merged into) now point at the survivor. */
    void repointCustomers(long loser, long survivor, Collection<Long> involved, MergeUndoCollector undo) throws SQLException {
        for (String column : List.of("referred_by_id", "merged_into_id")) {
            List<Long> ids = longs("select id from customer where " + column + " = ?", loser);
            for (long id : ids) {
                if (involved.contains(id)) {
                    continue; // the involved customers' own rows come back from their images
                }
                execute("update customer set " + column + " = ? where id = ?", survivor, id);
                undo.moves.add(new MergeUndoData.Move("customer", column, "id", Long.toString(id), loser));
            }
        }
    }

    /** Open suggestions among the merged customers become "merged"; their former state is kept for undo. */
    void closeSuggestions(Collection<Long> ids, MergeUndoCollector undo) throws SQLException {
        String in = in(ids);
        List<Object> params = new ArrayList<>(ids);
        params.addAll(ids);
        undo.suggestions.addAll(RowImages.select(c, "select id, status, decided_at from merge_suggestion where customer_a_id in "
                + in + " and customer_b_id in " + in + " and status = 'open'", params));
        for (Map<String, String> s : undo.suggestions) {
            execute("update merge_suggestion set status = 'merged', decided_at = ? where id = ?", OffsetDateTime.now(),
                    Long.parseLong(s.get("id")));
        }
    }

    void markMerged(long loser, long survivor, OffsetDateTime at) throws SQLException {
        execute("update customer set merged_into_id = ?, updated_at = ? where id = ?", survivor, at, loser);
    }

    /** Recomputes first/last order, order count and net spend per currency from the orders (the importer's rule). */
    void recomputeDerived(Collection<Long> ids) throws SQLException {
        String in = in(ids);
        List<Long> params = List.copyOf(ids);
        execute("update customer set (order_count, first_order_at, last_order_at) = "
                + "(select count(*), min(coalesce(o.ordered_at, o.paid_at)), max(coalesce(o.ordered_at, o.paid_at)) "
                + "from shop_order o where o.customer_id = customer.id and o.status in " + REVENUE_STATUSES + ") "
                + "where id in " + in, params.toArray());
        execute("delete from customer_spend where customer_id in " + in, params.toArray());
        execute("insert into customer_spend (customer_id, currency, net_spend, order_count) "
                + "select customer_id, currency, sum(coalesce(paid_amount, 0) - refunded_amount), count(*) from shop_order "
                + "where status in " + REVENUE_STATUSES + " and customer_id in " + in + " group by customer_id, currency",
                params.toArray());
    }

    long audit(long survivor, String summary, String undoJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into audit_log (action, entity, entity_id, summary, undo_data) "
                + "values ('customer_merge', 'customer', ?, ?, ?)", new String[] {"id"})) {
            ps.setLong(1, survivor);
            ps.setString(2, summary);
            ps.setString(3, undoJson);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The undo data of a merge not yet undone, or null. */
    String undoData(long mergeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select undo_data, undone_at from audit_log where id = ? "
                + "and action = 'customer_merge'")) {
            ps.setLong(1, mergeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no merge " + mergeId);
                }
                if (rs.getObject(2) != null) {
                    throw new IllegalStateException("merge " + mergeId + " was undone already");
                }
                return rs.getString(1);
            }
        }
    }

    void markUndone(long mergeId) throws SQLException {
        execute("update audit_log set undone_at = ? where id = ?", OffsetDateTime.now(), mergeId);
    }

    List<Map<String, String>> mergeLog(int limit) throws SQLException {
        return RowImages.select(c, "select id, occurred_at, entity_id, summary, undone_at, undo_data from audit_log "
                + "where action = 'customer_merge' order by id desc limit " + limit, List.of());
    }

    /** Whether the newest merge that involves this customer is {@code mergeId} (an older one cannot be undone first). */
    Long newestMergeOf(long survivorId) throws SQLException {
        List<Long> ids = longs("select max(id) from audit_log where action = 'customer_merge' and undone_at is null "
                + "and entity_id = ?", survivorId);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    Object key(String table, String column, Map<String, String> row) throws SQLException {
        return RowImages.value(row.get(column), RowImages.columnTypes(c, table).get(column));
    }

    boolean exists(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            RowImages.bind(ps, List.of(params));
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    int execute(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            RowImages.bind(ps, java.util.Arrays.asList(params));
            return ps.executeUpdate();
        }
    }

    List<Long> longs(String sql, Object... params) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            RowImages.bind(ps, List.of(params));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getObject(1) != null) {
                        out.add(rs.getLong(1));
                    }
                }
            }
        }
        return out;
    }

    static String in(Collection<?> ids) {
        return "(" + "?, ".repeat(ids.size() - 1) + "?)";
    }

    /** What a merge records for undo, filled in as it goes. */
    static final class MergeUndoCollector {
        final List<MergeUndoData.Move> moves = new ArrayList<>();
        final List<MergeUndoData.Deleted> deleted = new ArrayList<>();
        final List<Long> primaryCleared = new ArrayList<>();
        final List<Long> votesRetired = new ArrayList<>();
        final List<Map<String, String>> suggestions = new ArrayList<>();
        final Map<String, String> survivorAfter = new LinkedHashMap<>();
    }
}
