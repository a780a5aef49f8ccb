package com.fankeep.core.unassigned;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_SPEND;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
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

/** Masked Qianniu receivers of sample-data/ after the Taobao pair: grouped, suggested on evidence, attached, undone. */
class UnassignedOrderServiceTest {

    static final Path TAOBAO = Path.of("sample-data/taobao/ExportOrderList202403151030.csv");
    static final Path TAOBAO_ITEMS = Path.of("sample-data/taobao/ExportOrderDetailList202403151030.csv");
    static final Path QIANNIU = Path.of("sample-data/taobao/qianniu_orders_20240315.xlsx");
    // the two Qianniu orders of "张**，138****8000，上海 上海市 浦东新区 ****" (68.00 交易成功, 78.00 买家已付款)
    static final String MUG = "3381962333599667512";
    static final String PILLOW = "3154801978668505310";

    @TempDir
    Path temp;
    Database db;
    CoreServices services;
    UnassignedOrderService unassigned;
    long zhangWei;

    @BeforeEach
    void open() {
        db = Database.open(temp.resolve("data"));
        services = CoreServices.over(db);
        services.imports().importNow(new ImportRequest(List.of(TAOBAO, TAOBAO_ITEMS, QIANNIU), null, null,
                ZoneId.of("Asia/Shanghai")), Progress.NONE, Cancellation.none());
        unassigned = services.unassignedOrders();
        zhangWei = db.dsl().select(CONTACT_CHANNEL.CUSTOMER_ID).from(CONTACT_CHANNEL)
                .where(CONTACT_CHANNEL.NORMALIZED_VALUE.eq("+8613800138000")).fetchOne(CONTACT_CHANNEL.CUSTOMER_ID);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private BigDecimal sortSpend() {
        return db.dsl().fetchOne("select sort_spend from customer where id = ?", zhangWei).get(0, BigDecimal.class);
    }

    private String state() {
        var c = db.dsl().selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(zhangWei)).fetchOne();
        return c.getOrderCount() + "/" + c.getFirstOrderAt() + "/" + c.getLastOrderAt() + "/" + sortSpend() + "/"
                + db.dsl().selectFrom(CUSTOMER_SPEND).where(CUSTOMER_SPEND.CUSTOMER_ID.eq(zhangWei)).fetch().formatCSV()
                + "/" + db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.CUSTOMER_ID.isNull());
    }

    @Test
    void theSameMaskedReceiverIsOneBuyerSuggestedWithTheEvidence() {
        List<BuyerGroup> groups = unassigned.groups();

        assertThat(unassigned.count()).isEqualTo(4);
        assertThat(groups).hasSize(3); // 张** twice, two masked addresses without name or phone
        BuyerGroup zhang = groups.getFirst();
        assertThat(zhang.name()).isEqualTo("张**");
        assertThat(zhang.phone()).isEqualTo("138****8000");
        assertThat(zhang.place()).isEqualTo("上海 上海市 浦东新区");
        assertThat(zhang.orders()).extracting(UnassignedOrder::orderNo).containsExactly(MUG, PILLOW);
        assertThat(zhang.suggestions()).hasSize(1);
        Suggestion s = zhang.suggestions().getFirst();
        assertThat(s.customerId()).isEqualTo(zhangWei);
        assertThat(s.name()).isEqualTo("张伟");
        assertThat(s.evidence()).extracting(Evidence::code)
                .containsExactly("phone_tail", "phone_head", "surname", "district", "item");
        assertThat(s.evidence().getFirst().value()).isEqualTo("8000");
        // an order with only a masked address is listed alone, with nothing to go on
        assertThat(groups.subList(1, 3)).allSatisfy(g -> {
            assertThat(g.orders()).hasSize(1);
            assertThat(g.suggestions()).isEmpty();
        });
    }

    @Test
    void attachingOneOrderAttachesTheBuyersOthersAndKeepsTheCustomersFiguresRight() {
        var before = db.dsl().selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(zhangWei)).fetchOne();
        BigDecimal spendBefore = sortSpend();

        AssignResult r = unassigned.assign(List.of(MUG), zhangWei);

        assertThat(r.orderNos()).containsExactly(MUG, PILLOW);
        assertThat(unassigned.count()).isEqualTo(2);
        var after = db.dsl().selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(zhangWei)).fetchOne();
        assertThat(after.getOrderCount()).isEqualTo(before.getOrderCount() + 2);
        assertThat(sortSpend()).isEqualByComparingTo(spendBefore.add(new BigDecimal("146.00")));
        assertThat(after.getLastOrderAt().toInstant()).isAfterOrEqualTo(before.getLastOrderAt().toInstant());
        assertThat(services.integrity().check().problems()).isEmpty(); // sort keys and figures in step
        assertThat(unassigned.groups()).noneMatch(g -> "张**".equals(g.name()));
    }

    @Test
    void undoPutsTheOrdersBackWithoutCustomerAndTheFiguresAsTheyWere() {
        String before = state();
        unassigned.assign(List.of("taobao:" + PILLOW), zhangWei);
        assertThat(state()).isNotEqualTo(before);

        AssignResult undone = unassigned.undoLast().orElseThrow();

        assertThat(undone.orderNos()).containsExactlyInAnyOrder(MUG, PILLOW);
        assertThat(state()).isEqualTo(before);
        assertThat(unassigned.undoLast()).isEmpty();
        assertThat(services.integrity().check().problems()).isEmpty();
    }

    @Test
    void refusalsNameTheCauseAndChangeNothing() {
        String before = state();
        long someoneElse = db.dsl().select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.ID.ne(zhangWei)).limit(1).fetchOne(CUSTOMER.ID);
        String hisOwn = db.dsl().select(SHOP_ORDER.EXTERNAL_ORDER_ID).from(SHOP_ORDER).where(SHOP_ORDER.CUSTOMER_ID.eq(someoneElse))
                .limit(1).fetchOne(SHOP_ORDER.EXTERNAL_ORDER_ID);

        assertThatThrownBy(() -> unassigned.assign(List.of(MUG, "999"), zhangWei)).isInstanceOf(AssignRefusedException.class)
                .extracting(e -> ((AssignRefusedException) e).key()).isEqualTo("orders.unassigned.noOrder");
        assertThatThrownBy(() -> unassigned.assign(List.of(MUG, hisOwn), zhangWei))
                .extracting(e -> ((AssignRefusedException) e).key()).isEqualTo("orders.unassigned.alreadyAssigned");
        assertThatThrownBy(() -> unassigned.assign(List.of(MUG), 987_654L))
                .extracting(e -> ((AssignRefusedException) e).key()).isEqualTo("orders.unassigned.noCustomer");
        assertThatThrownBy(() -> unassigned.undo(1L)).isInstanceOf(AssignRefusedException.class);

        assertThat(state()).isEqualTo(before);
    }

    @Test
    void maskedPhonesFitOnlyNumbersWithTheSameVisibleDigitsAndLength() {
        MaskedPhone taobao = MaskedPhone.of("189****1011");
        assertThat(taobao.fits("+8618912341011")).isTrue();
        assertThat(taobao.fits("18912341011")).isTrue();
        assertThat(taobao.fits("+8613912341011")).isFalse(); // other head
        assertThat(taobao.fits("+86189123401011")).isFalse(); // one digit too many
        assertThat(MaskedPhone.of("1******8021").fits("+8613800138021")).isTrue(); // JD
        assertThat(MaskedPhone.of("138******02").fits("+8613800138002")).isTrue(); // Youzan
        assertThat(MaskedPhone.of("13800138000")).isNull();
        assertThat(MaskedPhone.of("##4f3a9c")).isNull();
        assertThat(UnassignedOrderService.surname("孙*")).isEqualTo("孙");
        assertThat(UnassignedOrderService.surname("J. Wilson")).isNull();
    }
}
