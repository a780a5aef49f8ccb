package com.fankeep.core.template;

import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates filled in from what the sample Taobao import knows about a customer and their order. */
class TemplateServiceTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String TEAPOT = "2403959319740291842";   // 陈静, 2024-03-13, 46289817576103 韵达快递

    @TempDir
    Path temp;

    @Test
    void theShippingNoticeIsFilledInFromTheOrderAndTheBuiltInsAreBilingual() {
        try (Database db = TestDatabases.fresh(temp)) {
            Clock clock = Clock.fixed(LocalDate.of(2024, 3, 15).atTime(12, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);
            CoreServices s = CoreServices.over(db, clock);
            s.imports().importNow(new ImportRequest(List.of(Path.of("sample-data/taobao/ExportOrderList202403151030.csv"),
                    Path.of("sample-data/taobao/ExportOrderDetailList202403151030.csv")), null, null, SHANGHAI),
                    Progress.NONE, Cancellation.none());
            var order = db.dsl().selectFrom(SHOP_ORDER).where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq(TEAPOT)).fetchOne();
            long customer = order.getCustomerId();

            assertThat(s.templates().list("zh_CN")).extracting(MessageTemplate::code)
                    .containsExactly("shipping_notice", "delivery_check", "birthday", "win_back", "launch_teaser");
            assertThat(s.templates().list("en")).hasSize(5).allMatch(MessageTemplate::builtin);

            long zh = s.templates().builtinId("shipping_notice", "zh_CN").orElseThrow();
            Rendered noShop = s.templates().render(zh, customer, order.getId());
            assertThat(noShop.missing()).containsExactly("shop_name");
            assertThat(noShop.text()).doesNotContain("{");

            s.settings().setShopName("小满手作工作室");
            Rendered r = s.templates().render(zh, customer, order.getId());
            assertThat(r.complete()).isTrue();
            assertThat(r.text()).isEqualTo("陈静您好！您在小满手作工作室买的小满手作 粗陶侧把茶壶 柴烧功夫茶具已经发出啦，"
                    + "韵达快递单号：46289817576103，注意查收哦～");

            Rendered winBack = s.templates().render(s.templates().builtinId("win_back", "en").orElseThrow(), customer, null);
            assertThat(winBack.text()).startsWith("Hi 陈静, it has been 2 days since your last order at 小满手作工作室.");
        }
    }

    @Test
    void theOwnerEditsBuiltInsAndAddsAndDeletesTheirOwn() {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = CoreServices.over(db);
            long birthday = s.templates().builtinId("birthday", "en").orElseThrow();
            MessageTemplate edited = s.templates().update(birthday, "Birthday", "Happy birthday {nickname}!");
            assertThat(edited.builtin()).isTrue();
            assertThat(s.templates().find(birthday).orElseThrow().body()).isEqualTo("Happy birthday {nickname}!");
            assertThatThrownBy(() -> s.templates().delete(birthday)).isInstanceOf(IllegalStateException.class);

            MessageTemplate own = s.templates().create("Restock", "{name}, it is back in stock");
            assertThat(s.templates().list("en")).extracting(MessageTemplate::id).contains(own.id());
            assertThat(s.templates().list("zh_CN")).extracting(MessageTemplate::id).as("own templates in every language").contains(own.id());
            s.templates().delete(own.id());
            assertThat(s.templates().find(own.id())).isEmpty();
        }
    }
}
