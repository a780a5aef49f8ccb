package com.fankeep.core.merge;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.importing.SampleData;
import com.fankeep.core.privacy.ErasureReason;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.core.unassigned.BuyerGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every writer of what the duplicates scan keys on (names, cities, notes, channels, order receivers, liveness) marks
 * the customers it changed (ADR 0044): after each, the stored keys of every unmarked customer are what their rows
 * give. A writer that forgets its mark leaves a customer whose stored keys differ, and this test names the step.
 */
class DuplicateKeyWritersTest {

    @TempDir
    Path temp;
    Database db;
    CoreServices core;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(temp.resolve("data"));
        core = CoreServices.over(db);
        core.imports().importNow(new ImportRequest(SampleData.extractTo(temp.resolve("in")), null, null, ZoneId.of("Asia/Shanghai")),
                Progress.NONE, Cancellation.none());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<Long> unmarkedAndStale() {
        return db.dsl().connectionResult(c -> DuplicateKeys.check(c, false, Cancellation.none()));
    }

    private List<Long> live() {
        return db.dsl().select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.MERGED_INTO_ID.isNull()).and(CUSTOMER.ERASED_AT.isNull())
                .orderBy(CUSTOMER.ID).fetch(CUSTOMER.ID);
    }

    private void step(String what, Runnable writer) {
        writer.run();
        assertThat(unmarkedAndStale()).as(what).isEmpty();
        core.merges().scan(Progress.NONE, Cancellation.none());   // stores the marked customers' keys anew
        assertThat(db.dsl().fetchCount(org.jooq.impl.DSL.table("duplicate_key_mark"))).as(what).isZero();
        assertThat(unmarkedAndStale()).as(what + ", after a scan").isEmpty();
    }

    @Test
    void everyWriterMarksTheCustomersWhoseKeysItChanged() throws Exception {
        // the import (its first: the bulk path) and the scan it ends with
        assertThat(unmarkedAndStale()).isEmpty();
        assertThat(db.dsl().fetchCount(org.jooq.impl.DSL.table("duplicate_key"))).isPositive();
        List<Long> ids = live();
        long a = ids.get(0);
        long b = ids.get(1);
        step("rename", () -> core.customers().rename(a, "欧阳娜娜"));
        step("city", () -> core.customers().setCity(a, "苏州"));
        step("note", () -> core.customers().setNote(a, "座机 0512-66668888"));
        step("add a channel", () -> core.customers().addChannel(a, "phone", "13912345678"));
        long channel = db.dsl().select(CONTACT_CHANNEL.ID).from(CONTACT_CHANNEL).where(CONTACT_CHANNEL.CUSTOMER_ID.eq(a))
                .orderBy(CONTACT_CHANNEL.ID.desc()).limit(1).fetchOne(CONTACT_CHANNEL.ID);
        step("edit a channel", () -> core.customers().editChannel(channel, "13912345679"));
        step("remove a channel", () -> core.customers().removeChannel(channel));
        step("undo an edit", () -> core.customers().undoLast());
        long[] merge = new long[1];
        step("merge", () -> merge[0] = core.merges().merge(new MergeRequest(List.of(a, b), a, Map.of(MergeField.NAME, b))).mergeId());
        step("undo a merge", () -> core.merges().undo(merge[0]));
        step("erase", () -> core.erasure().erase(b, ErasureReason.REQUEST));

        List<BuyerGroup> groups = core.unassignedOrders().groups();
        assertThat(groups).isNotEmpty();
        {
            List<String> refs = groups.getFirst().orders().stream().map(o -> o.platform() + ":" + o.orderNo()).toList();
            step("orders to a new customer", () -> core.unassignedOrders().assignToNewCustomer(refs, "孙小美", null));
            step("undo the assignment", () -> core.unassignedOrders().undoLast());
            step("orders to a customer", () -> core.unassignedOrders().assign(refs, a));
        }

        Path card = temp.resolve("more.vcf");
        Files.writeString(card, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:欧阳娜娜\r\nTEL;TYPE=CELL:13912345678\r\nNOTE:座机 0512-66668888\r\n"
                + "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:钱多多\r\nTEL;TYPE=CELL:13700001111\r\nEND:VCARD\r\n");
        ImportSummary[] small = new ImportSummary[1];
        step("a small import", () -> small[0] = core.imports().importNow(new ImportRequest(List.of(card), null, null,
                ZoneId.of("Asia/Shanghai")), Progress.NONE, Cancellation.none()));
        assertThat(small[0].files().getFirst().batchId()).isNotNull();
        step("undo the import", () -> core.imports().undo(small[0].files().getFirst().batchId()));
    }
}
