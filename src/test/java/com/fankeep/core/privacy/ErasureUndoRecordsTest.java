package com.fankeep.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.customer.UndoneEdit;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.integrity.IntegrityService;
import com.fankeep.core.interaction.ContactMedium;
import com.fankeep.core.interaction.InteractionChange;
import com.fankeep.core.interaction.InteractionKind;
import com.fankeep.core.interaction.NewInteraction;
import com.fankeep.core.merge.MergeRefusedException;
import com.fankeep.core.merge.MergeRequest;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.SqlDump;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An erasure takes the customer's part out of every other change's undo record too (bulk edits, merges, an import's
 * before-images, interaction edits): the whole database, dumped as SQL, holds none of their personal values, and
 * undoing those changes afterwards brings none of it back (it undoes the rest, or is refused).
 */
class ErasureUndoRecordsTest {

    private static final Path ORDERS = Path.of("sample-data/taobao/ExportOrderList202403151030.csv");
    private static final Path DETAILS = Path.of("sample-data/taobao/ExportOrderDetailList202403151030.csv");
    private static final String CHEN_JING = "2403959319740291842"; // 陈静, shipped, tracking 46289817576103
    private static final String XIE_XIN = "6001133399374617490";
    private static final String HAN_MEI = "5391607941240488636";

    @TempDir
    Path temp;
    Database db;
    CoreServices core;

    @BeforeEach
    void shop() {
        db = Database.open(temp.resolve("data"));
        core = CoreServices.over(db);
        core.imports().importNow(ImportRequest.of(ORDERS, DETAILS), Progress.NONE, Cancellation.none());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void bulkEditsAndInteractionEditsKeepNothingOfTheErasedAndTheirUndoRestoresOnlyTheOthers() throws Exception {
        long x = customerOf(CHEN_JING);
        long a = customerOf(XIE_XIN);
        long b = customerOf(HAN_MEI);
        List<Long> three = List.of(a, x, b);
        core.customers().tag(three, "老朋友");
        UndoneEdit untag = core.customers().untag(three, "老朋友");
        UndoneEdit tag = core.customers().tag(three, "回头客");
        core.customers().setRecoveryState(three, "contacted");
        var said = core.interactions().add(new NewInteraction(x, InteractionKind.CALL, ContactMedium.PHONE, null,
                "回访", "陈静说杯子很好用，下周再买两只", false, false));
        InteractionChange edited = core.interactions().edit(said.id(), new NewInteraction(x, InteractionKind.CALL,
                ContactMedium.PHONE, null, "回访", "已回访", false, false));
        Set<String> personal = personalValues(x);
        personal.add("陈静说杯子很好用，下周再买两只");
        assertThat(SqlDump.of(db, temp)).as("before the erasure").contains(personal);

        core.erasure().erase(x, ErasureReason.REQUEST);

        assertNowhere(personal);
        core.customers().undo(untag.auditId());
        assertThat(tags(a)).contains("老朋友");
        assertThat(tags(b)).contains("老朋友");
        assertThat(tags(x)).as("the erased customer's row image was not put back").doesNotContain("老朋友");
        core.customers().undo(tag.auditId());
        assertThat(tags(a)).doesNotContain("回头客");
        assertThat(tags(b)).doesNotContain("回头客");
        assertThatThrownBy(() -> core.interactions().undo(edited.undoId())).isInstanceOf(IllegalArgumentException.class);
        assertThat(core.interactions().forCustomer(x, null)).isEmpty();
        assertStillErased(x);
        assertNowhere(personal);
        assertThat(new IntegrityService(db).check().problems()).isEmpty();
    }

    @Test
    void aMergeKeepsNothingOfAnErasedCustomerAndItsUndoIsRefusedWhenItCannotPutThemBack() throws Exception {
        long x = customerOf(CHEN_JING);
        long a = customerOf(XIE_XIN);
        long b = customerOf(HAN_MEI);
        // merged and taken back: the record still holds both customers' rows as they were
        long undone = core.merges().merge(new MergeRequest(List.of(a, x), a, Map.of())).mergeId();
        core.merges().undo(undone);
        Set<String> personal = personalValues(x);
        assertThat(SqlDump.of(db, temp)).as("before the erasure").contains(personal);

        core.erasure().erase(x, ErasureReason.REQUEST);

        assertNowhere(personal);
        assertThat(core.merges().history(10)).hasSize(1);

        // a customer merged away, then erased on their own: the merge cannot put them back, and says so
        String bName = db.dsl().fetchOne("select name from customer where id = ?", b).get(0, String.class);
        long merged = core.merges().merge(new MergeRequest(List.of(a, b), a, Map.of())).mergeId();
        core.erasure().erase(b, ErasureReason.REQUEST);
        assertThat(db.dsl().fetchOne("select undo_data from audit_log where id = ?", merged).get(0, String.class))
                .doesNotContain(bName);
        assertThatThrownBy(() -> core.merges().undo(merged)).isInstanceOf(MergeRefusedException.class)
                .hasMessageContaining("erased");
        assertStillErased(b);
        assertThat(new IntegrityService(db).check().problems()).isEmpty();
    }

    @Test
    void anImportsBeforeImagesOfTheErasedOrdersAreClearedAndItsUndoBringsNothingBack() throws Exception {
        long x = customerOf(CHEN_JING);
        // the same export a week later: 陈静's parcel arrived, the import updates the order and keeps its before-image
        Charset gbk = Charset.forName("GBK");
        String text = Files.readString(ORDERS, gbk);
        String row = text.lines().filter(l -> l.contains(CHEN_JING)).findFirst().orElseThrow();
        Path later = temp.resolve("ExportOrderList202403221030.csv");
        Files.writeString(later, text.replace(row, row.replace("卖家已发货，等待买家确认", "交易成功")), gbk);
        assertThat(core.imports().importNow(ImportRequest.of(later, DETAILS), Progress.NONE, Cancellation.none()).updatedOrders())
                .isEqualTo(1);
        long batch = db.dsl().fetchOne("select max(id) from import_batch").get(0, Long.class);
        Set<String> personal = personalValues(x);
        assertThat(personal).contains("46289817576103");
        assertThat(SqlDump.of(db, temp)).as("before the erasure").contains(personal);

        core.erasure().erase(x, ErasureReason.REQUEST);

        assertNowhere(personal);
        core.imports().undo(batch);
        assertThat(db.dsl().fetchOne("select status, tracking_no, receiver_name from shop_order where external_order_id = ?",
                CHEN_JING).intoList()).containsExactly("shipped", null, null);
        assertStillErased(x);
        assertNowhere(personal);
        assertThat(new IntegrityService(db).check().problems()).isEmpty();
    }

    private long customerOf(String orderNo) {
        return db.dsl().fetchOne("select customer_id from shop_order where external_order_id = ?", orderNo).get(0, Long.class);
    }

    /** Name, every channel value, and what the orders held about the person (receiver, phone, address, tracking). */
    private Set<String> personalValues(long id) {
        Set<String> out = new LinkedHashSet<>();
        out.addAll(db.dsl().fetch("select name from customer where id = ?", id).getValues(0, String.class));
        out.addAll(db.dsl().fetch("select raw_value from contact_channel where customer_id = ?", id).getValues(0, String.class));
        out.addAll(db.dsl().fetch("select normalized_value from contact_channel where customer_id = ?", id).getValues(0, String.class));
        for (String col : List.of("receiver_name", "receiver_phone", "receiver_address", "buyer_account", "buyer_email", "tracking_no")) {
            out.addAll(db.dsl().fetch("select " + col + " from shop_order where customer_id = ?", id).getValues(0, String.class));
        }
        out.removeIf(v -> v == null || v.isBlank());
        // values another customer holds too (a shared city or carrier) would be found for them: leave those out
        List<String> others = new ArrayList<>();
        for (String v : out) {
            if (db.dsl().fetchExists(db.dsl().selectOne().from("contact_channel").where("customer_id <> ? and (raw_value = ? or normalized_value = ?)",
                    id, v, v)) || db.dsl().fetchExists(db.dsl().selectOne().from("customer").where("id <> ? and name = ?", id, v))) {
                others.add(v);
            }
        }
        out.removeAll(others);
        assertThat(out).hasSizeGreaterThanOrEqualTo(3);
        return out;
    }

    private void assertNowhere(Set<String> personal) throws Exception {
        String dump = SqlDump.of(db, temp);
        for (String v : personal) {
            assertThat(dump).as("the database after the erasure holds %s", v).doesNotContain(v);
        }
    }

    private void assertStillErased(long id) {
        var r = db.dsl().fetchOne("select name, erased_at from customer where id = ?", id);
        assertThat(r.get(0)).isNull();
        assertThat(r.get(1)).isNotNull();
        assertThat(db.dsl().fetchCount(db.dsl().selectOne().from("contact_channel").where("customer_id = ?", id))).isZero();
    }

    private List<String> tags(long id) {
        return db.dsl().fetch("select t.name from customer_tag ct join tag t on t.id = ct.tag_id where ct.customer_id = ?", id)
                .getValues(0, String.class);
    }
}
