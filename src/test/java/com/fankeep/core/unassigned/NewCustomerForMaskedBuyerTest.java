package com.fankeep.core.unassigned;

import static com.fankeep.core.unassigned.UnassignedOrderServiceTest.MUG;
import static com.fankeep.core.unassigned.UnassignedOrderServiceTest.PILLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Create a customer for this masked buyer" (issue #11): made, the buyer's orders attached, figures right, undone in one step. */
class NewCustomerForMaskedBuyerTest {

    @TempDir
    Path temp;
    Database db;
    CoreServices services;
    UnassignedOrderService unassigned;

    @BeforeEach
    void open() {
        db = Database.open(temp.resolve("data"));
        services = CoreServices.over(db);
        services.imports().importNow(new ImportRequest(List.of(UnassignedOrderServiceTest.TAOBAO, UnassignedOrderServiceTest.TAOBAO_ITEMS,
                UnassignedOrderServiceTest.QIANNIU), null, null, ZoneId.of("Asia/Shanghai")), Progress.NONE, Cancellation.none());
        services.search().build(Progress.NONE, Cancellation.none());
        unassigned = services.unassignedOrders();
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Everything a made-and-undone customer could leave behind: customers, counters, unassigned orders, aggregates. */
    private String shop() {
        return db.dsl().fetchOne("select count(*) from customer").get(0) + "/" + db.dsl().fetch("select name, currency, amount "
                + "from shop_counter order by name, currency").formatCSV() + "/" + unassigned.count() + "/"
                + db.dsl().fetch("select * from insight_count order by kind, platform, name1, name2").formatCSV() + "/"
                + db.dsl().fetch("select * from buyer_day order by 1, 2, 3, 4").formatCSV();
    }

    @Test
    void theBuyerBecomesACustomerWithAllTheirOrdersAndOneUndoTakesItAllBack() {
        String before = shop();

        AssignResult r = unassigned.assignToNewCustomer(List.of(PILLOW), "张伟伟", "139 1234 5678");

        assertThat(r.orderNos()).containsExactlyInAnyOrder(MUG, PILLOW);
        assertThat(r.customerName()).isEqualTo("张伟伟");
        var c = db.dsl().fetchOne("select name, name_initials, city, order_count, sort_spend from customer where id = ?", r.customerId());
        assertThat(c.intoList()).containsExactly("张伟伟", "zww", "上海市", 2, new BigDecimal("146.00"));
        assertThat(db.dsl().fetch("select normalized_value, is_primary from contact_channel where customer_id = ?", r.customerId())
                .formatCSV(false)).isEqualTo("+8613912345678,true\n");
        assertThat(db.dsl().fetchCount(db.dsl().selectOne().from("shop_order").where("customer_id = ?", r.customerId()))).isEqualTo(2);
        assertThat(unassigned.count()).isEqualTo(2);
        assertThat(unassigned.groups()).noneMatch(g -> "张**".equals(g.name()));
        assertThat(services.search().search("zww", 10)).contains(r.customerId());
        assertThat(db.dsl().fetchOne("select city from buyer_fact where customer_id = ?", r.customerId()).get(0)).isEqualTo("上海市");
        assertThat(services.integrity().check().problems()).as("figures, sort keys and the shop's counters").isEmpty();
        assertThat(services.aggregates().check(false, Progress.NONE, Cancellation.none()).chunksWrong()).isZero();
        assertThat(shop()).isNotEqualTo(before);

        AssignResult undone = unassigned.undoLast().orElseThrow();

        assertThat(undone.orderNos()).containsExactlyInAnyOrder(MUG, PILLOW);
        assertThat(db.dsl().fetchCount(db.dsl().selectOne().from("customer").where("id = ?", r.customerId()))).isZero();
        assertThat(shop()).isEqualTo(before);
        assertThat(services.search().search("zww", 10)).doesNotContain(r.customerId());
        assertThat(services.integrity().check().problems()).isEmpty();
        assertThat(unassigned.undoLast()).isEmpty();
    }

    @Test
    void withoutATypedNameTheCustomerIsNamedAsTheExportShowedTheBuyer() {
        AssignResult r = unassigned.assignToNewCustomer(List.of(MUG), " ", null);

        assertThat(db.dsl().fetchOne("select name from customer where id = ?", r.customerId()).get(0)).isEqualTo("张**");
        assertThat(db.dsl().fetchCount(db.dsl().selectOne().from("contact_channel").where("customer_id = ?", r.customerId()))).isZero();
    }

    @Test
    void refusalsChangeNothingAndAnUndoThatWouldLoseLaterWorkIsRefused() {
        String before = shop();
        String nameless = unassigned.groups().stream().filter(g -> g.name() == null || g.name().isBlank()).findFirst().orElseThrow()
                .orders().getFirst().orderNo();

        assertThatThrownBy(() -> unassigned.assignToNewCustomer(List.of(MUG), "张伟伟", "12ab"))
                .extracting(e -> ((AssignRefusedException) e).key()).isEqualTo("orders.unassigned.badPhone");
        assertThatThrownBy(() -> unassigned.assignToNewCustomer(List.of(nameless), null, null))
                .extracting(e -> ((AssignRefusedException) e).key()).isEqualTo("orders.unassigned.nameNeeded");
        assertThatThrownBy(() -> unassigned.assignToNewCustomer(List.of("999"), "张伟伟", null))
                .extracting(e -> ((AssignRefusedException) e).key()).isEqualTo("orders.unassigned.noOrder");
        assertThat(shop()).isEqualTo(before);

        AssignResult r = unassigned.assignToNewCustomer(List.of(MUG), "张伟伟", null);
        services.customers().tag(List.of(r.customerId()), "老朋友");
        String made = shop();
        assertThatThrownBy(() -> unassigned.undo(r.auditId()))
                .extracting(e -> ((AssignRefusedException) e).key()).isEqualTo("orders.unassigned.madeInUse");
        assertThat(shop()).isEqualTo(made);
    }
}
