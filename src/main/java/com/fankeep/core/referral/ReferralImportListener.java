package com.fankeep.core.referral;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.FileSummary;
import com.fankeep.core.importing.ImportListener;
import com.fankeep.core.importing.ImportSummary;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * After an import commits: the referrers its files named (referral_claim, e.g. Youzan 分销员) are linked to customers
 * ({@link ReferralService#linkNamed}); names matching nobody or several stay as notes on the customer.
 */
public final class ReferralImportListener implements ImportListener {

    private final Database database;
    private final ReferralService referrals;

    public ReferralImportListener(Database database, ReferralService referrals) {
        this.database = database;
        this.referrals = referrals;
    }

    @Override
    public void committed(ImportSummary summary) {
        summary.files().stream().map(FileSummary::batchId).filter(Objects::nonNull).forEach(this::link);
    }

    /**
     * Links one batch's claims (each customer's last named referrer), then deletes them: the text lives on as the link
     * or as the customer's note. What was set is recorded in referral_import_link, in the same transaction as the
     * claims' deletion, so undoing the import takes back those links and note lines (UndoRepository), and only those.
     */
    public ReferralLinkResult link(long batchId) {
        Map<Long, String> claims = new LinkedHashMap<>();
        database.transaction(dsl -> dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select customer_id, referrer_text from referral_claim "
                    + "where import_batch_id = ? and resolved_at is null order by id")) {
                ps.setLong(1, batchId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claims.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
        }));
        ReferralLinkResult result = referrals.linkNamed(claims);
        database.transaction(dsl -> dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into referral_import_link (import_batch_id, customer_id, "
                    + "referrer_id, note_line) values (?, ?, ?, ?)")) {
                for (var e : result.referrers().entrySet()) {
                    add(ps, batchId, e.getKey(), e.getValue(), null);
                }
                for (var e : result.noteLines().entrySet()) {
                    add(ps, batchId, e.getKey(), null, e.getValue().length() > 300 ? null : e.getValue());
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from referral_claim where import_batch_id = ? and resolved_at is null")) {
                ps.setLong(1, batchId);
                ps.executeUpdate();
            }
        }));
        return result;
    }

    private static void add(PreparedStatement ps, long batchId, long customerId, Long referrerId, String noteLine)
            throws java.sql.SQLException {
        if (referrerId == null && noteLine == null) {
            return; // a note line too long to keep stays on the note after an undo (claims hold at most 200 characters)
        }
        ps.setLong(1, batchId);
        ps.setLong(2, customerId);
        ps.setObject(3, referrerId, java.sql.Types.BIGINT);
        ps.setString(4, noteLine);
        ps.addBatch();
    }
}
