package com.fankeep.core.importing;

import com.fankeep.core.importing.identity.IdentityIndex;
import com.fankeep.core.importing.identity.IdentityKey;
import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.importing.model.ImportedLine;
import com.fankeep.core.importing.model.ImportedOrder;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL of an import, on the one connection of the import's transaction. Plain JDBC batches: this is the hot
 * path of a 1,000,000-row import (ADR 0006). Names are unquoted lower case, portable to PostgreSQL.
 */
final class ImportRepository {

    static final String REVENUE_STATUSES = "('paid', 'shipped', 'completed', 'partially_refunded')";

    private final Connection c;
    /** What the writes below changed in the shop's counters, added by the session at commit. */
    final com.fankeep.core.db.ShopCounters.Delta counters;

    ImportRepository(Connection c) {
        this(c, new com.fankeep.core.db.ShopCounters.Delta());
    }

    /** A repository on another connection of the same run, summing into the run's counters (BulkWriter). */
    ImportRepository(Connection c, com.fankeep.core.db.ShopCounters.Delta counters) {
        this.c = c;
        this.counters = counters;
    }

    /** @param mappingProfileId the column mapping the file is read with, or null */
    long createBatch(String fileName, String path, long size, String sha256, String format, String encoding,
                     Long mappingProfileId) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "insert into import_batch (file_name, file_path, file_size, file_sha256, format, encoding, mapping_profile_id, status) "
                        + "values (?, ?, ?, ?, ?, ?, ?, 'running')", new String[] {"id"})) {
            ps.setString(1, fileName);
            ps.setString(2, path);
            ps.setLong(3, size);
            ps.setString(4, sha256);
            ps.setString(5, format);
            ps.setString(6, encoding);
            setLong(ps, 7, mappingProfileId);
            ps.executeUpdate();
            id = generatedIds(ps, 1)[0];
        }
        if (mappingProfileId != null) {
            try (PreparedStatement ps = c.prepareStatement("update mapping_profile set last_used_at = ? where id = ?")) {
                ps.setObject(1, OffsetDateTime.now());
                ps.setLong(2, mappingProfileId);
                ps.executeUpdate();
            }
        }
        return id;
    }

    /**
     * Whether a live customer of this name already has this (non-key) channel: how a contact without any identity
     * key (a name and an address, a name and a masked phone) is recognised when its list is imported again.
     */
    boolean hasCustomerWith(String name, String kind, String normalized) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from contact_channel ch join customer cu on cu.id = ch.customer_id "
                + "where ch.kind = ? and ch.normalized_value = ? and cu.name = ? and cu.merged_into_id is null "
                + "and cu.erased_at is null")) {
            ps.setString(1, kind);
            ps.setString(2, truncate(normalized, 1000));
            ps.setString(3, name);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    void finishBatch(long batchId, BatchCounts counts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update import_batch set status = 'committed', finished_at = ?, row_count = ?, order_count = ?, "
                        + "line_count = ?, new_customer_count = ?, matched_customer_count = ?, problem_count = ? where id = ?")) {
            ps.setObject(1, OffsetDateTime.now());
            ps.setLong(2, counts.rows);
            ps.setLong(3, counts.newOrders + counts.updatedOrders);
            ps.setLong(4, counts.lines);
            ps.setLong(5, counts.newCustomers);
            ps.setLong(6, counts.matchedCustomers);
            ps.setLong(7, counts.problems);
            ps.setLong(8, batchId);
            ps.executeUpdate();
        }
    }

    /**
     * Loads every stored identity key of live customers (not merged away, not erased), but those in {@code skip} (keys
     * already looked up, ADR 0050). Two reads in storage order, the live customers' ids (an index holds them) and then
     * the channels, joined here: a join made H2 fetch each of the 600,000 channel rows of a big shop through the
     * customer index, one random page read each (2x the CPU).
     */
    void loadIdentityKeys(IdentityIndex index, java.util.Set<IdentityKey> skip) throws SQLException {
        long[] live;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id from customer where merged_into_id is null and erased_at is null")) {
            LongList ids = new LongList();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            live = ids.sorted();
        }
        String sql = "select ch.kind, ch.platform, ch.normalized_value, ch.customer_id from contact_channel ch "
                + "where " + KEY_CHANNEL;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                long customer = rs.getLong(4);
                if (java.util.Arrays.binarySearch(live, customer) < 0) {
                    continue;
                }
                IdentityKey key = Channels.keyOf(rs.getString(1), rs.getString(2), rs.getString(3));
                if (key != null && !skip.contains(key)) {
                    index.addExisting(key, customer);
                }
            }
        }
    }

    /** A stored channel that is an identity key (with {@link Channels#keyOf}). */
    private static final String KEY_CHANNEL = "ch.normalized_value is not null "
            + "and (ch.merge_key = true or ch.kind in ('nickname', 'wechat', 'qq', 'email'))";
    /** Channel forms per lookup statement; the last is repeated to fill it, so one statement serves every batch. */
    static final int LOOKUP_BATCH = 100;

    /**
     * Adds the live customers holding these keys to the index, looking each key up (ADR 0050) rather than reading all
     * stored keys. One statement per 100 channel forms: a VALUES list joined on both columns of contact_channel_key_idx
     * (kind, normalized_value), so H2 seeks the index once per form. An IN list on normalized_value alone is never used:
     * H2 takes an IN list only on an index's first column and scanned every phone (ADR 0045).
     */
    void lookUpIdentityKeys(Collection<IdentityKey> keys, IdentityIndex index) throws SQLException {
        java.util.Set<IdentityKey> wanted = new java.util.HashSet<>(keys);
        Map<String, String[]> forms = new java.util.LinkedHashMap<>();
        for (IdentityKey k : keys) {
            for (String[] f : Channels.storedForms(k)) {
                if (f[1].length() <= MAX_TEXT) { // a longer value is stored cut, and so is never this key (nor in a full read)
                    forms.putIfAbsent(f[0] + "\u0000" + f[1], f);
                }
            }
        }
        if (forms.isEmpty()) {
            return;
        }
        List<String[]> list = new ArrayList<>(forms.values());
        List<IdentityKey> found = new ArrayList<>();
        LongList owners = new LongList();
        StringBuilder sql = new StringBuilder("select ch.kind, ch.platform, ch.normalized_value, ch.customer_id from (values ");
        for (int i = 0; i < LOOKUP_BATCH; i++) {
            sql.append(i == 0 ? "" : ", ").append("(cast(? as varchar(20)), cast(? as varchar(1000)))");
        }
        sql.append(") as k (kind, v) join contact_channel ch on ch.kind = k.kind and ch.normalized_value = k.v where ")
                .append(KEY_CHANNEL);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int from = 0; from < list.size(); from += LOOKUP_BATCH) {
                for (int j = 0; j < LOOKUP_BATCH; j++) {
                    String[] f = list.get(Math.min(list.size() - 1, from + j));
                    ps.setString(2 * j + 1, f[0]);
                    ps.setString(2 * j + 2, f[1]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        IdentityKey key = Channels.keyOf(rs.getString(1), rs.getString(2), rs.getString(3));
                        if (key != null && wanted.contains(key)) {
                            found.add(key);
                            owners.add(rs.getLong(4));
                        }
                    }
                }
            }
        }
        long[] live = liveAmong(owners.sorted());
        for (int i = 0; i < found.size(); i++) {
            long customer = owners.values[i];
            if (java.util.Arrays.binarySearch(live, customer) >= 0) {
                index.addExisting(found.get(i), customer); // twice (a padded form) is harmless: the lowest id stays
            }
        }
    }

    /** Of these customer ids (sorted), the live ones (not merged away, not erased), sorted; by primary key, 500 a time. */
    private long[] liveAmong(long[] ids) throws SQLException {
        LongList live = new LongList();
        for (int from = 0; from < ids.length; from += 500) {
            int to = Math.min(ids.length, from + 500);
            StringBuilder in = new StringBuilder();
            for (int i = from; i < to; i++) {
                in.append(i == from ? "" : ",").append(ids[i]);
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select id from customer where id in ("
                    + in + ") and merged_into_id is null and erased_at is null")) {
                while (rs.next()) {
                    live.add(rs.getLong(1));
                }
            }
        }
        return live.sorted();
    }

    /**
     * The shop's live customers, from its counters (one row; a count of contact_channel took 1 s on the 1M shop the
     * first time): what StoredKeys' rule weighs a file's keys against.
     */
    long liveCustomers() throws SQLException {
        return com.fankeep.core.db.ShopCounters.read(c).customers();
    }

    /** A growing list of longs (300,000 boxed ids would be 5x the memory). */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] sorted() {
            long[] out = java.util.Arrays.copyOf(values, size);
            java.util.Arrays.sort(out);
            return out;
        }
    }

    /** Inserts new customers and returns their ids, in the same order. */
    long[] insertCustomers(List<NewCustomer> customers, long batchId) throws SQLException {
        if (customers.isEmpty()) {
            return new long[0];
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into customer (name, province, city, birthday_year, birthday_month, birthday_day, note, created_batch_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            counters.customers(customers.size());
            for (NewCustomer n : customers) {
                // cut to the columns, as the order fields are (FuzzRunTest: a broken quote ran 247 characters into a name)
                ps.setString(1, truncate(n.name(), 200));
                ps.setString(2, truncate(n.province(), 100));
                ps.setString(3, truncate(n.city(), 100));
                setInt(ps, 4, n.birthdayYear());
                setInt(ps, 5, n.birthdayMonth());
                setInt(ps, 6, n.birthdayDay());
                ps.setString(7, truncate(n.note(), 10_000));
                ps.setLong(8, batchId);
                ps.addBatch();
            }
            ps.executeBatch();
            return generatedIds(ps, customers.size());
        }
    }

    /**
     * The next id the customer table would give (the bulk path numbers the customers it writes at the end itself, in
     * the order the table would have: ADR 0052). H2's information schema: the bulk path is H2-only (ADR 0023).
     */
    long nextCustomerId() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select identity_base from "
                + "information_schema.columns where table_schema = 'PUBLIC' and table_name = 'CUSTOMER' and column_name = 'ID'")) {
            if (!rs.next() || rs.getObject(1) == null) {
                throw new SQLException("customer.id is not an identity column");
            }
            return rs.getLong(1);
        }
    }

    /** After customers were written with ids of their own: the table gives the next id on from {@code next}. */
    void restartCustomerIds(long next) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("alter table customer alter column id restart with " + next);
        }
    }

    /**
     * Inserts customers with the ids the run gave them; those in {@code withFigures} also with the figures and list
     * sort keys the run summed (and their spend rows), so their row is written once, not inserted and then updated
     * (ADR 0052; the same values {@link #writeDerived} writes). The others get the table's defaults.
     */
    void insertCustomersWithIds(List<NewCustomer> customers, List<Long> batchIds, Set<Long> withFigures, boolean commitEach)
            throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into customer (id, name, province, city, birthday_year, "
                + "birthday_month, birthday_day, note, created_batch_id, order_count, first_order_at, last_order_at, "
                + "sort_nickname, sort_spend, sort_channels) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement spend = c.prepareStatement(
                     "insert into customer_spend (customer_id, currency, net_spend, order_count) values (?, ?, ?, ?)")) {
            int n = 0;
            for (int i = 0; i < customers.size(); i++) {
                NewCustomer nc = customers.get(i);
                var ref = nc.ref();
                ps.setLong(1, ref.id());
                ps.setString(2, truncate(nc.name(), 200));
                ps.setString(3, truncate(nc.province(), 100));
                ps.setString(4, truncate(nc.city(), 100));
                setInt(ps, 5, nc.birthdayYear());
                setInt(ps, 6, nc.birthdayMonth());
                setInt(ps, 7, nc.birthdayDay());
                ps.setString(8, truncate(nc.note(), 10_000));
                ps.setLong(9, batchIds.get(i));
                boolean figures = withFigures.contains(ref.id());
                ps.setInt(10, figures ? ref.revenueOrders() : 0);
                ps.setObject(11, figures ? ref.firstOrder() : null);
                ps.setObject(12, figures ? ref.lastOrder() : null);
                ps.setString(13, figures ? ref.firstNickname() : "");
                ps.setBigDecimal(14, figures ? mainSpend(ref) : BigDecimal.ZERO);
                ps.setInt(15, figures ? ref.channelCount() : 0);
                ps.addBatch();
                if (figures) {
                    addSpendRows(spend, ref);
                }
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                    spend.executeBatch();
                    if (commitEach) {
                        // the bulk copy (ADR 0062): committed while its pages are still cached; one commit of 300,000
                        // customers at the end read most of them back from the file
                        c.commit();
                    }
                }
            }
            ps.executeBatch();
            spend.executeBatch();
        }
    }

    void insertChannels(List<NewChannel> channels, long batchId) throws SQLException {
        if (channels.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into contact_channel (customer_id, kind, platform, raw_value, normalized_value, is_primary, "
                        + "is_masked, merge_key, import_batch_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (NewChannel ch : channels) {
                ps.setLong(1, ch.customer().id());
                ps.setString(2, ch.kind());
                ps.setString(3, ch.platform());
                ps.setString(4, truncate(ch.raw(), MAX_TEXT));
                ps.setString(5, truncate(ch.normalized(), MAX_TEXT));
                ps.setBoolean(6, ch.primary());
                ps.setBoolean(7, ch.masked());
                ps.setBoolean(8, ch.mergeKey());
                ps.setLong(9, batchId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** How many orders the table holds (H2 answers from its row count). */
    long storedOrderCount() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from shop_order")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The stored orders among {@code externalIds} of a platform, by external id. */
    Map<String, StoredOrder> findOrders(String platform, Collection<String> externalIds) throws SQLException {
        Map<String, StoredOrder> found = new HashMap<>();
        List<String> ids = new ArrayList<>(externalIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + 500));
            String sql = "select id, external_order_id, customer_id, status, platform_status, paid_amount, refunded_amount, "
                    + "tracking_no, carrier, shipped_at, completed_at, seller_note, import_batch_id from shop_order where platform = ? "
                    + "and external_order_id in (" + "?,".repeat(part.size() - 1) + "?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, platform);
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 2, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredOrder o = new StoredOrder(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                                rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9),
                                rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class), rs.getString(12),
                                (Long) rs.getObject(13));
                        found.put(o.externalOrderId(), o);
                    }
                }
            }
        }
        return found;
    }

    /** Inserts orders and returns their ids, in the same order. */
    long[] insertOrders(List<ImportedOrder> orders, List<Long> customerIds, long batchId) throws SQLException {
        if (orders.isEmpty()) {
            return new long[0];
        }
        try (PreparedStatement ps = c.prepareStatement("insert into shop_order (platform, external_order_id, customer_id, "
                + "status, platform_status, currency, goods_amount, shipping_amount, discount_amount, total_amount, "
                + "paid_amount, refunded_amount, ordered_at, paid_at, shipped_at, completed_at, cancelled_at, buyer_account, "
                + "buyer_email, receiver_name, receiver_phone, receiver_country, receiver_province, receiver_city, "
                + "receiver_district, receiver_address, receiver_zip, tracking_no, carrier, buyer_message, seller_note, "
                + "import_batch_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            for (int i = 0; i < orders.size(); i++) {
                ImportedOrder o = orders.get(i);
                counters.order(1, o.status().code(), o.currency(), o.paidAmount(), o.refundedAmount());
                int p = 1;
                ps.setString(p++, o.platform());
                ps.setString(p++, o.externalOrderId());
                setLong(ps, p++, customerIds.get(i));
                ps.setString(p++, o.status().code());
                ps.setString(p++, truncate(o.platformStatus(), 200));
                ps.setString(p++, o.currency());
                ps.setBigDecimal(p++, o.goodsAmount());
                ps.setBigDecimal(p++, o.shippingAmount());
                ps.setBigDecimal(p++, o.discountAmount());
                ps.setBigDecimal(p++, o.totalAmount());
                ps.setBigDecimal(p++, o.paidAmount());
                ps.setBigDecimal(p++, o.refundedAmount());
                ps.setObject(p++, o.orderedAt());
                ps.setObject(p++, o.paidAt());
                ps.setObject(p++, o.shippedAt());
                ps.setObject(p++, o.completedAt());
                ps.setObject(p++, o.cancelledAt());
                ps.setString(p++, truncate(o.buyer().account(), 200));
                ps.setString(p++, truncate(o.buyer().email(), 320));
                ps.setString(p++, truncate(o.receiver().name(), 200));
                ps.setString(p++, truncate(o.receiver().phone(), 100));
                ps.setString(p++, truncate(o.receiver().country(), 100));
                ps.setString(p++, truncate(o.receiver().province(), 100));
                ps.setString(p++, truncate(o.receiver().city(), 100));
                ps.setString(p++, truncate(o.receiver().district(), 100));
                ps.setString(p++, truncate(o.receiver().street(), 1000));
                ps.setString(p++, truncate(o.receiver().zip(), 20));
                ps.setString(p++, truncate(o.trackingNo(), 100));
                ps.setString(p++, truncate(o.carrier(), 100));
                ps.setString(p++, truncate(o.buyerMessage(), 2000));
                ps.setString(p++, truncate(o.sellerNote(), 2000));
                ps.setLong(p, batchId);
                ps.addBatch();
            }
            ps.executeBatch();
            return generatedIds(ps, orders.size());
        }
    }

    void insertLines(List<Long> orderIds, List<ImportedLine> lines, long batchId) throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into order_line (order_id, line_no, external_line_id, sku, "
                + "title, variant, quantity, unit_price, line_total, refund_status, import_batch_id) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            counters.lines(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                ImportedLine l = lines.get(i);
                ps.setLong(1, orderIds.get(i));
                ps.setInt(2, l.lineNo());
                ps.setString(3, truncate(l.externalLineId(), 100));
                ps.setString(4, truncate(l.sku(), 200));
                ps.setString(5, truncate(l.title(), 1000));
                ps.setString(6, truncate(l.variant(), 1000));
                ps.setInt(7, l.quantity());
                ps.setBigDecimal(8, l.unitPrice());
                ps.setBigDecimal(9, l.lineTotal());
                ps.setString(10, truncate(l.refundStatus(), 100));
                ps.setLong(11, batchId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The stored lines of an order, in line order. */
    List<ImportedLine> lines(long orderId) throws SQLException {
        List<ImportedLine> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select line_no, external_line_id, sku, title, variant, quantity, "
                + "unit_price, line_total, refund_status from order_line where order_id = ? order by line_no")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ImportedLine(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9)));
                }
            }
        }
        return out;
    }

    void deleteLines(long orderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from order_line where order_id = ?")) {
            ps.setLong(1, orderId);
            counters.lines(-ps.executeUpdate());
        }
    }

    /** Applies newer data to a stored order, keeping its before-image in the audit log for undo. */
    void updateOrder(StoredOrder before, ImportedOrder after, long batchId, String beforeJson) throws SQLException {
        counters.storedOrder(c, -1, before.id());
        try (PreparedStatement ps = c.prepareStatement("update shop_order set status = ?, platform_status = ?, paid_amount = ?, "
                + "refunded_amount = ?, tracking_no = ?, carrier = ?, shipped_at = ?, completed_at = ?, seller_note = ?, "
                + "updated_at = ? where id = ?")) {
            ps.setString(1, after.status().code());
            ps.setString(2, truncate(after.platformStatus(), 200));
            ps.setBigDecimal(3, after.paidAmount() != null ? after.paidAmount() : before.paidAmount());
            ps.setBigDecimal(4, after.refundedAmount());
            ps.setString(5, after.trackingNo() != null ? truncate(after.trackingNo(), 100) : before.trackingNo());
            ps.setString(6, after.carrier() != null ? truncate(after.carrier(), 100) : before.carrier());
            ps.setObject(7, after.shippedAt() != null ? after.shippedAt() : before.shippedAt());
            ps.setObject(8, after.completedAt() != null ? after.completedAt() : before.completedAt());
            ps.setString(9, after.sellerNote() != null ? truncate(after.sellerNote(), 2000) : before.sellerNote());
            ps.setObject(10, OffsetDateTime.now());
            ps.setLong(11, before.id());
            ps.executeUpdate();
        }
        counters.storedOrder(c, 1, before.id());
        audit(before, after.status().code(), batchId, beforeJson);
    }

    private void audit(StoredOrder before, String newStatus, long batchId, String beforeJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into audit_log (action, entity, entity_id, summary, undo_data, "
                + "import_batch_id) values ('import_update', 'shop_order', ?, ?, ?, ?)")) {
            ps.setLong(1, before.id());
            ps.setString(2, "order " + before.externalOrderId() + ": " + before.status() + " → " + newStatus);
            ps.setString(3, beforeJson);
            ps.setLong(4, batchId);
            ps.executeUpdate();
        }
    }

    void setPartialRefund(StoredOrder before, BigDecimal refunded, long batchId, String beforeJson) throws SQLException {
        counters.storedOrder(c, -1, before.id());
        try (PreparedStatement ps = c.prepareStatement(
                "update shop_order set status = 'partially_refunded', refunded_amount = ?, updated_at = ? where id = ?")) {
            ps.setBigDecimal(1, refunded);
            ps.setObject(2, OffsetDateTime.now());
            ps.setLong(3, before.id());
            ps.executeUpdate();
        }
        counters.storedOrder(c, 1, before.id());
        audit(before, "partially_refunded", batchId, beforeJson);
    }

    void insertMatches(List<NewMatch> matches, long batchId, String fileName) throws SQLException {
        if (matches.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into customer_match (customer_id, import_batch_id, matched_by, "
                + "matched_value, source_file, source_row) values (?, ?, ?, ?, ?, ?)")) {
            for (NewMatch m : matches) {
                ps.setLong(1, m.customer().id());
                ps.setLong(2, batchId);
                ps.setString(3, m.matchedBy());
                ps.setString(4, truncate(m.value(), 500));
                ps.setString(5, truncate(fileName, 500));
                ps.setLong(6, m.row());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Records a possible duplicate for review unless the pair was already suggested for that reason. */
    boolean suggest(long a, long b, String reason, String evidence, long batchId) throws SQLException {
        long low = Math.min(a, b);
        long high = Math.max(a, b);
        try (PreparedStatement q = c.prepareStatement(
                "select 1 from merge_suggestion where customer_a_id = ? and customer_b_id = ? and reason = ?")) {
            q.setLong(1, low);
            q.setLong(2, high);
            q.setString(3, reason);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into merge_suggestion (customer_a_id, customer_b_id, reason, "
                + "evidence, import_batch_id) values (?, ?, ?, ?, ?)")) {
            ps.setLong(1, low);
            ps.setLong(2, high);
            ps.setString(3, reason);
            ps.setString(4, truncate(evidence, 2000));
            ps.setLong(5, batchId);
            ps.executeUpdate();
            return true;
        }
    }

    void insertProblems(List<ImportProblem> problems, long batchId) throws SQLException {
        if (problems.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into import_problem (batch_id, file_name, row_no, column_name, "
                + "raw_value, code, message, severity) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ImportProblem p : problems) {
                ps.setLong(1, batchId);
                ps.setString(2, truncate(p.file(), 500));
                ps.setLong(3, p.row());
                ps.setString(4, truncate(p.column(), 200));
                ps.setString(5, truncate(p.value(), 1000));
                ps.setString(6, truncate(p.code(), 60));
                ps.setString(7, truncate(p.message(), 2000));
                ps.setString(8, p.warning() ? "warning" : "error");
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Referrers the file names, {customer id, text}: linked after the import commits (core.referral). */
    void insertReferralClaims(List<Object[]> claims, long batchId) throws SQLException {
        if (claims.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into referral_claim (import_batch_id, customer_id, referrer_text) "
                + "values (?, ?, ?)")) {
            for (Object[] claim : claims) {
                ps.setLong(1, batchId);
                ps.setLong(2, (Long) claim[0]);
                ps.setString(3, truncate((String) claim[1], 200));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    Connection connection() {
        return c;
    }

    /** The spend the list sorts by (V0040): the net of the shop's main currency, zero without it. */
    private static BigDecimal mainSpend(com.fankeep.core.importing.identity.CustomerRef ref) {
        var main = ref.spendByCurrency().get(com.fankeep.core.db.CustomerSortKeys.MAIN_CURRENCY);
        return main == null ? BigDecimal.ZERO : main.net();
    }

    /** One customer_spend row per currency the import summed for a customer it created, into {@code spend}'s batch. */
    private static void addSpendRows(PreparedStatement spend, com.fankeep.core.importing.identity.CustomerRef ref)
            throws SQLException {
        for (var e : ref.spendByCurrency().entrySet()) {
            spend.setLong(1, ref.id());
            spend.setString(2, e.getKey());
            spend.setBigDecimal(3, e.getValue().net());
            spend.setInt(4, e.getValue().orders());
            spend.addBatch();
        }
    }

    /**
     * Writes the figures an import summed for the customers it created (they have no other orders), with the list's
     * sort keys that come from them (V0040; the same values {@code CustomerSortKeys} would compute: such a customer
     * has no tags yet, and all its channels and spend came from this import).
     */
    void writeDerived(List<com.fankeep.core.importing.identity.CustomerRef> customers) throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        try (PreparedStatement up = c.prepareStatement("update customer set order_count = ?, first_order_at = ?, "
                + "last_order_at = ?, sort_nickname = ?, sort_spend = ?, sort_channels = ? where id = ?");
             PreparedStatement spend = c.prepareStatement(
                     "insert into customer_spend (customer_id, currency, net_spend, order_count) values (?, ?, ?, ?)")) {
            int n = 0;
            for (var ref : customers) {
                up.setInt(1, ref.revenueOrders());
                up.setObject(2, ref.firstOrder());
                up.setObject(3, ref.lastOrder());
                up.setString(4, ref.firstNickname());
                up.setBigDecimal(5, mainSpend(ref));
                up.setInt(6, ref.channelCount());
                up.setLong(7, ref.id());
                up.addBatch();
                addSpendRows(spend, ref);
                if (++n % 1000 == 0) {
                    up.executeBatch();
                    spend.executeBatch();
                }
            }
            up.executeBatch();
            spend.executeBatch();
        }
    }

    /**
     * Recomputes first/last order, order count and net spend per currency of these customers from their orders: one
     * grouped read of their revenue orders per chunk of ids, from which both the customer's figures and its
     * customer_spend rows are written (the orders were read twice before, once per target table; JFR: 30% of a small
     * import into a big database).
     */
    void recomputeDerived(Collection<Long> customerIds) throws SQLException {
        recomputeDerived(customerIds, false);
    }

    /**
     * @param withSortKeys also recompute the list's sort keys ({@code CustomerSortKeys}) in the same update, so each
     *                     customer row is rewritten once
     */
    void recomputeDerived(Collection<Long> customerIds, boolean withSortKeys) throws SQLException {
        List<Long> ids = new ArrayList<>(customerIds);
        try (PreparedStatement up = c.prepareStatement("update customer set order_count = ?, first_order_at = ?, "
                + "last_order_at = ?" + (withSortKeys ? ", " + com.fankeep.core.db.CustomerSortKeys.SET_KEYS : "") + " where id = ?");
             PreparedStatement spend = c.prepareStatement(
                     "insert into customer_spend (customer_id, currency, net_spend, order_count) values (?, ?, ?, ?)")) {
            for (int from = 0; from < ids.size(); from += 500) {
                List<Long> part = ids.subList(from, Math.min(ids.size(), from + 500));
                String in = "(" + "?,".repeat(part.size() - 1) + "?)";
                execute("delete from customer_spend where customer_id in " + in, part);
                Map<Long, Figures> figures = new HashMap<>();
                try (PreparedStatement q = c.prepareStatement("select customer_id, currency, count(*), "
                        + "sum(coalesce(paid_amount, 0) - refunded_amount), min(coalesce(ordered_at, paid_at)), "
                        + "max(coalesce(ordered_at, paid_at)) from shop_order where status in " + REVENUE_STATUSES
                        + " and customer_id in " + in + " group by customer_id, currency")) {
                    for (int i = 0; i < part.size(); i++) {
                        q.setLong(i + 1, part.get(i));
                    }
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            long customer = rs.getLong(1);
                            spend.setLong(1, customer);
                            spend.setString(2, rs.getString(2));
                            spend.setBigDecimal(3, rs.getBigDecimal(4));
                            spend.setInt(4, rs.getInt(3));
                            spend.addBatch();
                            figures.computeIfAbsent(customer, k -> new Figures()).add(rs.getInt(3),
                                    rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class));
                        }
                    }
                }
                for (Long id : part) {
                    Figures f = figures.getOrDefault(id, new Figures());
                    up.setInt(1, f.orders);
                    up.setObject(2, f.first);
                    up.setObject(3, f.last);
                    up.setLong(4, id);
                    up.addBatch();
                }
                spend.executeBatch(); // first: the sort keys read the spend
                up.executeBatch();
            }
        }
    }

    /**
     * Adds the revenue orders this import wrote for customers it did not create (and changed no stored order of) to
     * their stored figures and spend, and recomputes their sort keys in the same row update: their earlier orders are
     * not read again (at 1,000,000 orders that read was a random page read per order, half of the step).
     * The same values a recount from the orders gives ({@code DerivedFiguresTest}; {@code db check} compares them).
     */
    void addFreshFigures(Collection<com.fankeep.core.importing.identity.CustomerRef> customers) throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        try (PreparedStatement addSpend = c.prepareStatement("update customer_spend set net_spend = net_spend + ?, "
                + "order_count = order_count + ? where customer_id = ? and currency = ?");
             PreparedStatement newSpend = c.prepareStatement(
                     "insert into customer_spend (customer_id, currency, net_spend, order_count) values (?, ?, ?, ?)");
             PreparedStatement up = c.prepareStatement("update customer set order_count = order_count + ?, "
                     + "first_order_at = case when first_order_at is null or first_order_at > ? then ? else first_order_at end, "
                     + "last_order_at = case when last_order_at is null or last_order_at < ? then ? else last_order_at end, "
                     + com.fankeep.core.db.CustomerSortKeys.SET_KEYS + " where id = ?")) {
            List<com.fankeep.core.importing.identity.CustomerRef> chunk = new ArrayList<>();
            for (var ref : customers) {
                chunk.add(ref);
                if (chunk.size() == 1000) {
                    addFresh(chunk, addSpend, newSpend, up);
                    chunk.clear();
                }
            }
            addFresh(chunk, addSpend, newSpend, up);
        }
    }

    private void addFresh(List<com.fankeep.core.importing.identity.CustomerRef> refs, PreparedStatement addSpend,
                          PreparedStatement newSpend, PreparedStatement up) throws SQLException {
        List<Object[]> spends = new ArrayList<>();
        for (var ref : refs) {
            for (var e : ref.spendByCurrency().entrySet()) {
                addSpend.setBigDecimal(1, e.getValue().net());
                addSpend.setInt(2, e.getValue().orders());
                addSpend.setLong(3, ref.id());
                addSpend.setString(4, e.getKey());
                addSpend.addBatch();
                spends.add(new Object[] {ref.id(), e.getKey(), e.getValue()});
            }
        }
        int[] updated = spends.isEmpty() ? new int[0] : addSpend.executeBatch();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) { // the customer's first revenue order in this currency
                var spend = (com.fankeep.core.importing.identity.CustomerRef.Spend) spends.get(i)[2];
                newSpend.setLong(1, (Long) spends.get(i)[0]);
                newSpend.setString(2, (String) spends.get(i)[1]);
                newSpend.setBigDecimal(3, spend.net());
                newSpend.setInt(4, spend.orders());
                newSpend.addBatch();
            }
        }
        newSpend.executeBatch();
        for (var ref : refs) {
            up.setInt(1, ref.revenueOrders());
            up.setObject(2, ref.firstOrder());
            up.setObject(3, ref.firstOrder());
            up.setObject(4, ref.lastOrder());
            up.setObject(5, ref.lastOrder());
            up.setLong(6, ref.id());
            up.addBatch();
        }
        if (!refs.isEmpty()) {
            up.executeBatch();
        }
    }

    /** A customer's revenue orders over all currencies: count, first and last (null without any). */
    private static final class Figures {
        int orders;
        OffsetDateTime first;
        OffsetDateTime last;

        void add(int n, OffsetDateTime min, OffsetDateTime max) {
            orders += n;
            if (min != null && (first == null || min.isBefore(first))) {
                first = min;
            }
            if (max != null && (last == null || max.isAfter(last))) {
                last = max;
            }
        }
    }

    private void execute(String sql, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            ps.executeUpdate();
        }
    }

    private static long[] generatedIds(PreparedStatement ps, int expected) throws SQLException {
        long[] ids = new long[expected];
        int n = 0;
        try (ResultSet keys = ps.getGeneratedKeys()) {
            while (keys.next() && n < expected) {
                ids[n++] = keys.getLong(1);
            }
        }
        if (n != expected) {
            throw new SQLException("expected " + expected + " generated keys, got " + n);
        }
        return ids;
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    /** The length of a channel's stored value (contact_channel.raw_value, normalized_value). */
    static final int MAX_TEXT = 1000;

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** An order already in the database (the fields a newer export may change). */
    record StoredOrder(long id, String externalOrderId, Long customerId, String status, String platformStatus,
                       BigDecimal paidAmount, BigDecimal refundedAmount, String trackingNo, String carrier,
                       OffsetDateTime shippedAt, OffsetDateTime completedAt, String sellerNote, Long importBatchId) {
    }

    /** Counters of one file's batch. */
    static final class BatchCounts {
        long rows;
        long newOrders;
        long updatedOrders;
        long unchangedOrders;
        long lines;
        long contacts;
        long newCustomers;
        long matchedCustomers;
        long channels;
        long problems;
        long notes;
        long amendedInRun;
    }
}
