package com.fankeep.core.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The SQL that takes an import batch back out. */
final class UndoRepository {

    /** A customer created by an import is removed with it only if nothing else is attached to them. */
    private static final String NOTHING_ELSE = ""
            + "not exists (select 1 from shop_order o where o.customer_id = customer.id) "
            + "and not exists (select 1 from interaction i where i.customer_id = customer.id) "
            + "and not exists (select 1 from follow_up f where f.customer_id = customer.id) "
            + "and not exists (select 1 from contact_channel ch where ch.customer_id = customer.id) "
            + "and not exists (select 1 from customer_tag t where t.customer_id = customer.id) "
            + "and not exists (select 1 from fan_group_member g where g.customer_id = customer.id) "
            + "and not exists (select 1 from campaign_entry e where e.customer_id = customer.id) "
            + "and not exists (select 1 from launch_reservation r where r.customer_id = customer.id) "
            + "and not exists (select 1 from customer c2 where c2.merged_into_id = customer.id or c2.referred_by_id = customer.id)";

    private final Connection c;
    /** What the undo changed in the shop's counters, added by the service before its commit. */
    final com.fankeep.core.db.ShopCounters.Delta counters = new com.fankeep.core.db.ShopCounters.Delta();
    /** Customers whose note lost a "Referred by" line (their duplicate-scan keys read the note). */
    final Set<Long> notesChanged = new LinkedHashSet<>();

    UndoRepository(Connection c) {
        this.c = c;
    }

    String status(long batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select status from import_batch where id = ?")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Customers whose figures the batch changed: its orders' customers, updated orders' customers, its channels' customers. */
    Set<Long> affectedCustomers(long batchId) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>();
        collect(ids, "select distinct customer_id from shop_order where import_batch_id = ? and customer_id is not null", batchId);
        collect(ids, "select distinct o.customer_id from audit_log a join shop_order o on o.id = a.entity_id "
                + "where a.import_batch_id = ? and a.entity = 'shop_order' and o.customer_id is not null", batchId);
        collect(ids, "select distinct customer_id from contact_channel where import_batch_id = ?", batchId);
        collect(ids, "select distinct o.customer_id from order_line l join shop_order o on o.id = l.order_id "
                + "where l.import_batch_id = ? and o.customer_id is not null", batchId);
        return ids;
    }

    /** Restores the orders the batch changed from their before-images. */
    void restoreUpdatedOrders(long batchId) throws SQLException {
        List<long[]> entries = new ArrayList<>();
        List<String> images = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, entity_id, undo_data from audit_log where import_batch_id = ? "
                + "and action = 'import_update' and undone_at is null order by id desc")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    images.add(rs.getString(3));
                }
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            Map<String, String> m = OrderJson.read(images.get(i));
            counters.storedOrder(c, -1, entries.get(i)[1]);
            try (PreparedStatement ps = c.prepareStatement("update shop_order set status = ?, platform_status = ?, paid_amount = ?, "
                    + "refunded_amount = ?, tracking_no = ?, carrier = ?, shipped_at = ?, completed_at = ?, seller_note = ?, "
                    + "updated_at = ? where id = ?")) {
                ps.setString(1, m.get("status"));
                ps.setString(2, m.get("platform_status"));
                ps.setBigDecimal(3, decimal(m.get("paid_amount")));
                ps.setBigDecimal(4, m.get("refunded_amount") == null ? java.math.BigDecimal.ZERO : decimal(m.get("refunded_amount")));
                ps.setString(5, m.get("tracking_no"));
                ps.setString(6, m.get("carrier"));
                ps.setObject(7, time(m.get("shipped_at")));
                ps.setObject(8, time(m.get("completed_at")));
                ps.setString(9, m.get("seller_note"));
                ps.setObject(10, OffsetDateTime.now());
                ps.setLong(11, entries.get(i)[1]);
                ps.executeUpdate();
            }
            counters.storedOrder(c, 1, entries.get(i)[1]);
            try (PreparedStatement ps = c.prepareStatement("update audit_log set undone_at = ? where id = ?")) {
                ps.setObject(1, OffsetDateTime.now());
                ps.setLong(2, entries.get(i)[0]);
                ps.executeUpdate();
            }
        }
    }

    void deleteBatchRows(long batchId) throws SQLException {
        countBatchRows(batchId);
        update("delete from order_line where import_batch_id = ?", batchId);
        update("delete from shop_order where import_batch_id = ?", batchId);
        update("delete from contact_channel where import_batch_id = ?", batchId);
        update("delete from customer_match where import_batch_id = ?", batchId);
        update("delete from merge_suggestion where import_batch_id = ?", batchId);
    }

    /**
     * Takes back what the batch's referrer column did (referral_import_link, ADR 0028): a link while it still points at
     * the referrer the import set, a "Referred by" note line while the note still holds it. Runs before the batch's
     * customers are removed, so a customer it created only as someone's referrer goes with it.
     *
     * @return the customers whose link went and their referrers (their referral counts changed)
     */
    Set<Long> revertReferrals(long batchId) throws SQLException {
        Set<Long> changed = new LinkedHashSet<>();
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select l.customer_id, l.referrer_id, l.note_line, c.referred_by_id, c.note "
                + "from referral_import_link l join customer c on c.id = l.customer_id where l.import_batch_id = ? order by l.id")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
                            rs.getObject(4, Long.class), rs.getString(5)});
                }
            }
        }
        for (Object[] r : rows) {
            long customer = (Long) r[0];
            Long referrer = (Long) r[1];
            if (referrer != null && referrer.equals(r[3])) {
                try (PreparedStatement ps = c.prepareStatement("update customer set referred_by_id = null, updated_at = ? "
                        + "where id = ? and referred_by_id = ?")) {
                    ps.setObject(1, OffsetDateTime.now());
                    ps.setLong(2, customer);
                    ps.setLong(3, referrer);
                    ps.executeUpdate();
                }
                changed.add(customer);
                changed.add(referrer);
            }
            String line = (String) r[2];
            String note = (String) r[4];
            if (line != null && note != null && note.contains(line)) {
                String left = withoutLine(note, line);
                try (PreparedStatement ps = c.prepareStatement("update customer set note = ?, updated_at = ? where id = ?")) {
                    ps.setString(1, left.isEmpty() ? null : left);
                    ps.setObject(2, OffsetDateTime.now());
                    ps.setLong(3, customer);
                    ps.executeUpdate();
                }
                notesChanged.add(customer);
            }
        }
        update("delete from referral_import_link where import_batch_id = ?", batchId);
        return changed;
    }

    /** The note without one occurrence of the line (and the line break that joined it to the rest). */
    static String withoutLine(String note, String line) {
        int at = note.lastIndexOf(line);
        String before = note.substring(0, at);
        String after = note.substring(at + line.length());
        if (before.endsWith("\n")) {
            before = before.substring(0, before.length() - 1);
        } else if (after.startsWith("\n")) {
            after = after.substring(1);
        }
        return before + after;
    }

    /** @return how many customers the batch alone had created and are now removed */
    int deleteCustomersItAloneCreated(long batchId) throws SQLException {
        counters.customers(-count("select count(*) from customer where created_batch_id = ? and merged_into_id is null "
                + "and erased_at is null and " + NOTHING_ELSE, batchId));
        int removed = update("delete from customer where created_batch_id = ? and " + NOTHING_ELSE, batchId);
        update("update customer set created_batch_id = null where created_batch_id = ?", batchId);
        return removed;
    }

    void markUndone(long batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update import_batch set status = 'undone', undone_at = ? where id = ?")) {
            ps.setObject(1, OffsetDateTime.now());
            ps.setLong(2, batchId);
            ps.executeUpdate();
        }
    }

    Set<Long> existing(Set<Long> ids) throws SQLException {
        Set<Long> out = new LinkedHashSet<>();
        for (Long id : ids) {
            try (PreparedStatement ps = c.prepareStatement("select 1 from customer where id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(id);
                    }
                }
            }
        }
        return out;
    }

    private void collect(Set<Long> into, String sql, long batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.add(rs.getLong(1));
                }
            }
        }
    }

    /** Takes the batch's orders and lines (those deleteBatchRows removes) off the counters. */
    private void countBatchRows(long batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select status, currency, paid_amount, refunded_amount "
                + "from shop_order where import_batch_id = ?")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counters.order(-1, rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4));
                }
            }
        }
        counters.lines(-count("select count(*) from order_line where import_batch_id = ?", batchId));
        // lines a later file put on the batch's orders go with them (on delete cascade)
        counters.lines(-count("select count(*) from order_line l join shop_order o on o.id = l.order_id "
                + "where o.import_batch_id = ? and (l.import_batch_id is null or l.import_batch_id <> o.import_batch_id)", batchId));
    }

    private long count(String sql, long batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private int update(String sql, long batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, batchId);
            return ps.executeUpdate();
        }
    }

    private static java.math.BigDecimal decimal(String s) {
        return s == null ? null : new java.math.BigDecimal(s);
    }

    private static OffsetDateTime time(String s) {
        return s == null ? null : OffsetDateTime.parse(s);
    }
}
