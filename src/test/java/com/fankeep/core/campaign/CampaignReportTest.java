package com.fankeep.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.testing.TestDatabases;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's figures on a seeded shop, against the same figures computed here from the seed alone. */
class CampaignReportTest {

    @TempDir
    java.nio.file.Path temp;
    private CampaignFixture f;
    private final List<Seeded> orders = new ArrayList<>();

    private record Seeded(long customer, OffsetDateTime at, String status, String currency, BigDecimal paid, BigDecimal refunded) {
    }

    @BeforeEach
    void open() {
        f = new CampaignFixture(TestDatabases.fresh(temp));
    }

    @AfterEach
    void close() {
        f.db.close();
    }

    @Test
    void reportFiguresMatchAnIndependentComputation() {
        long p1 = f.fan("铁粉甲", "iron_fan", "13800000001", "一号");
        long p2 = f.fan("贵宾乙", "vip", "13800000002", "二号");
        long p3 = f.fan("普通丙", "regular", "13800000003", "三号");
        long i4 = f.fan("贵宾丁", "vip", "13800000004", "四号");
        long n1 = f.fan("铁粉外1", "iron_fan", "13800000011", "十一号");
        long n2 = f.fan("铁粉外2", "iron_fan", "13800000012", "十二号");
        long n3 = f.fan("贵宾外", "vip", "13800000013", "十三号");
        long n4 = f.fan("普通外", "regular", "13800000014", "十四号");
        Campaign c = f.announced(f.picked("复购观察", 10, ClaimPriority.TIME, List.of(p1, p2, p3, i4)));
        f.campaigns.claim(c.id(), p1, "wechat", false);
        f.campaigns.claim(c.id(), p2, "qq", false);
        f.campaigns.claim(c.id(), p3, "qq", false);
        f.campaigns.cancel(c.id(), p3);
        f.campaigns.ship(c.id(), p1, "顺丰", "SF1");

        OffsetDateTime close = c.closes();
        seed(p1, close.plusDays(1), "completed", "CNY", "100.00", "0");
        seed(p1, close.plusDays(2), "refunded", "CNY", "50.00", "20.00");
        seed(p1, close.plusDays(3), "paid", "USD", "9.99", "0");
        seed(p2, close.plusDays(29), "shipped", "CNY", "80.00", "0");
        seed(p2, close.minusDays(1), "completed", "CNY", "999.00", "0");
        seed(p2, close.plusDays(5), "cancelled", "CNY", "70.00", "0");
        seed(p2, close.plusDays(31), "completed", "CNY", "70.00", "0");
        seed(p3, close.plusDays(1), "completed", "CNY", "33.00", "0");
        seed(n1, close.plusDays(10), "completed", "CNY", "60.00", "0");
        seed(n3, close.plusDays(4), "completed", "CNY", "10.00", "0");
        seed(n3, close.plusDays(5), "completed", "CNY", "10.00", "0");
        seed(n3, close.plusDays(6), "unpaid", "CNY", "0", "0");
        seed(n4, close.plusDays(6), "completed", "CNY", "500.00", "0");

        CampaignReport r = f.campaigns.report(c.id(), 30);

        // independent: participants hold units (p1 shipped, p2 claimed); comparison = same tiers, not in the campaign
        Set<Long> participants = Set.of(p1, p2);
        Map<Long, String> tier = Map.of(p1, "iron_fan", p2, "vip", n1, "iron_fan", n2, "iron_fan", n3, "vip", n4, "regular");
        Predicate<Seeded> inPeriod = s -> !s.at().isBefore(close) && s.at().isBefore(close.plusDays(30))
                && !List.of("unpaid", "cancelled", "closed").contains(s.status());
        long ordersAfter = orders.stream().filter(inPeriod).filter(s -> participants.contains(s.customer())).count();
        BigDecimal net = orders.stream().filter(inPeriod).filter(s -> participants.contains(s.customer()))
                .filter(s -> s.currency().equals("CNY")).map(s -> s.paid().subtract(s.refunded())).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, List<Long>> comparison = Map.of("iron_fan", List.of(n1, n2), "vip", List.of(n3));
        BigDecimal expectedOrders = BigDecimal.ZERO;
        BigDecimal expectedNet = BigDecimal.ZERO;
        for (long p : participants) {
            List<Long> peers = comparison.get(tier.get(p));
            long peerOrders = orders.stream().filter(inPeriod).filter(s -> peers.contains(s.customer())).count();
            BigDecimal peerNet = orders.stream().filter(inPeriod).filter(s -> peers.contains(s.customer()))
                    .map(s -> s.paid().subtract(s.refunded())).reduce(BigDecimal.ZERO, BigDecimal::add);
            expectedOrders = expectedOrders.add(BigDecimal.valueOf(peerOrders).divide(BigDecimal.valueOf(peers.size()), 10, RoundingMode.HALF_UP));
            expectedNet = expectedNet.add(peerNet.divide(BigDecimal.valueOf(peers.size()), 10, RoundingMode.HALF_UP));
        }

        assertThat(ordersAfter).isEqualTo(4);
        assertThat(r.ordersAfter()).isEqualTo((int) ordersAfter);
        assertThat(r.netSpendAfter()).isEqualByComparingTo(net).isEqualByComparingTo("210.00");
        assertThat(r.participants()).isEqualTo(2);
        assertThat(r.comparisonCustomers()).isEqualTo(3);
        assertThat(r.comparisonOrdersPerCustomer()).isEqualByComparingTo(expectedOrders.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP));
        assertThat(r.comparisonNetPerCustomer()).isEqualByComparingTo(expectedNet.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP));
        assertThat(r.claimed()).isEqualTo(2);
        assertThat(r.shipped()).isEqualTo(1);
        assertThat(r.invited()).isEqualTo(4);
        assertThat(r.cost()).isEqualByComparingTo(new BigDecimal("10.50").multiply(BigDecimal.valueOf(2)));
        assertThat(r.claimRates()).extracting(CampaignReport.TierRate::tier, CampaignReport.TierRate::invited, CampaignReport.TierRate::claimed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("iron_fan", 1, 1), org.assertj.core.groups.Tuple.tuple("regular", 1, 1),
                        org.assertj.core.groups.Tuple.tuple("vip", 2, 1));
    }

    private void seed(long customer, OffsetDateTime at, String status, String currency, String paid, String refunded) {
        orders.add(new Seeded(customer, at, status, currency, new BigDecimal(paid), new BigDecimal(refunded)));
        f.data.exec("insert into shop_order (platform, external_order_id, customer_id, status, currency, ordered_at, paid_amount, "
                        + "refunded_amount) values ('taobao', ?, ?, ?, ?, ?, ?, ?)", "R" + System.nanoTime(), customer, status, currency,
                at, new BigDecimal(paid), new BigDecimal(refunded));
    }
}
