package com.fankeep.core.importing.format;

import static com.fankeep.core.importing.model.OrderStatus.CANCELLED;
import static com.fankeep.core.importing.model.OrderStatus.CLOSED;
import static com.fankeep.core.importing.model.OrderStatus.COMPLETED;
import static com.fankeep.core.importing.model.OrderStatus.PAID;
import static com.fankeep.core.importing.model.OrderStatus.REFUNDED;
import static com.fankeep.core.importing.model.OrderStatus.SHIPPED;
import static com.fankeep.core.importing.model.OrderStatus.UNKNOWN;
import static com.fankeep.core.importing.model.OrderStatus.UNPAID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.importing.model.ImportItem;
import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.importing.model.ImportedOrder;
import com.fankeep.core.importing.read.SheetRow;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 订单状态 values EXPORT-FORMATS.md lists (and the sample files show) for JD, Pinduoduo, Youzan and Douyin. */
class ChineseShopStatusTest {

    @Test
    void jd() {
        assertThat(JdStatus.of("等待出库")).isEqualTo(PAID);
        assertThat(JdStatus.of("等待确认收货")).isEqualTo(SHIPPED);
        assertThat(JdStatus.of("完成")).isEqualTo(COMPLETED);
        assertThat(JdStatus.of("已取消")).isEqualTo(CANCELLED);
        assertThat(JdStatus.of("等待付款")).isEqualTo(UNPAID);
        // a deleted order is not revenue, whatever it was waiting for; full-width brackets too
        assertThat(JdStatus.of("(删除)等待出库")).isEqualTo(CLOSED);
        assertThat(JdStatus.of("（删除）等待确认收货")).isEqualTo(CLOSED);
        assertThat(JdStatus.of("暂停")).isEqualTo(UNKNOWN);
        assertThat(JdStatus.of(null)).isEqualTo(UNKNOWN);
    }

    @Test
    void pinduoduo() {
        assertThat(PinduoduoStatus.of("待支付")).isEqualTo(UNPAID);
        assertThat(PinduoduoStatus.of("待发货")).isEqualTo(PAID);
        assertThat(PinduoduoStatus.of("已发货，待签收")).isEqualTo(SHIPPED);
        assertThat(PinduoduoStatus.of("已发货,待签收")).isEqualTo(SHIPPED);
        assertThat(PinduoduoStatus.of("已签收")).isEqualTo(COMPLETED);
        assertThat(PinduoduoStatus.of("已取消")).isEqualTo(CANCELLED);
        assertThat(PinduoduoStatus.of("未发货，退款成功")).isEqualTo(REFUNDED);
        assertThat(PinduoduoStatus.of("已发货，退款成功")).isEqualTo(REFUNDED);
        assertThat(PinduoduoStatus.of("已签收，退款成功")).isEqualTo(REFUNDED);
        assertThat(PinduoduoStatus.of("已签收，退款中")).isEqualTo(UNKNOWN);
    }

    @Test
    void youzan() {
        assertThat(YouzanStatus.of("交易完成")).isEqualTo(COMPLETED);
        assertThat(YouzanStatus.of("交易成功")).isEqualTo(COMPLETED);
        assertThat(YouzanStatus.of("已发货")).isEqualTo(SHIPPED);
        assertThat(YouzanStatus.of("待发货")).isEqualTo(PAID);
        assertThat(YouzanStatus.of("待付款")).isEqualTo(UNPAID);
        assertThat(YouzanStatus.of("交易关闭")).isEqualTo(CLOSED);
        assertThat(YouzanStatus.of("某个新状态")).isEqualTo(UNKNOWN);
    }

    @Test
    void douyin() {
        assertThat(DouyinStatus.of("待发货")).isEqualTo(PAID);
        assertThat(DouyinStatus.of("已发货")).isEqualTo(SHIPPED);
        assertThat(DouyinStatus.of("已完成")).isEqualTo(COMPLETED);
        assertThat(DouyinStatus.of("已关闭")).isEqualTo(CLOSED);
        assertThat(DouyinStatus.of("待支付")).isEqualTo(UNPAID);
        assertThat(DouyinStatus.of("售后中")).isEqualTo(UNKNOWN);
        assertThat(DouyinStatus.refunded("退款成功")).isTrue();
        assertThat(DouyinStatus.refunded("-")).isFalse();
    }

    @Test
    void anUnknownStatusImportsTheOrderAsUnknownWithAWarning() {
        Collected jd = read(new JdOrdersFormat(), List.of("订单号", "商品名称", "订购数量", "京东价", "应付金额", "订单状态", "下单帐号"),
                List.of("1001", "杯子", "1", "68.00", "68.00", "暂停", "jd_a"));
        Collected pdd = read(new PinduoduoOrdersFormat(), List.of("商品", "订单号", "订单状态", "用户实付金额(元)", "手机"),
                List.of("杯子", "240101-1\t", "拼团中", "68.00", "13800138000\t"));
        Collected youzan = read(new YouzanOrdersFormat(), List.of("订单号", "订单状态", "订单实付金额", "全部商品名称"),
                List.of("E1", "待成团", "68.00", "杯子"));
        Collected douyin = read(new DouyinOrdersFormat(), List.of("主订单编号", "子订单编号", "选购商品", "订单应付金额", "订单状态"),
                List.of("\t69001", "\t69002", "杯子", "68.00", "售后中"));
        for (Collected c : List.of(jd, pdd, youzan, douyin)) {
            assertThat(c.items).singleElement().satisfies(i -> {
                assertThat(((ImportedOrder) i).status()).isEqualTo(UNKNOWN);
                assertThat(((ImportedOrder) i).paidAmount()).isEqualByComparingTo("68.00");
            });
            assertThat(c.problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("unknown_status");
                assertThat(p.warning()).isTrue();
                assertThat(p.column()).isEqualTo("订单状态");
                assertThat(p.row()).isEqualTo(2);
                assertThat(p.file()).isEqualTo("test.csv");
            });
        }
    }

    /** What a reader made of one data row. */
    private static final class Collected implements ItemSink {
        final List<ImportItem> items = new ArrayList<>();
        final List<ImportProblem> problems = new ArrayList<>();

        @Override
        public void item(ImportItem item) {
            items.add(item);
        }

        @Override
        public void problem(ImportProblem problem) {
            problems.add(problem);
        }
    }

    private static Collected read(ExportFormat format, List<String> header, List<String> row) {
        Header h = new Header(1, header);
        assertThat(format.score(h)).as(format.id() + " scores its own minimal header").isPositive();
        FormatReader reader = format.reader(h, new FormatContext("test.csv", ZoneId.of("Asia/Shanghai")));
        Collected sink = new Collected();
        reader.accept(new SheetRow(2, row), sink);
        reader.finish(sink);
        return sink;
    }
}
