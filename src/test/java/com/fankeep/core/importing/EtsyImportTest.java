package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.IMPORT_BATCH;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.insight.Stats;
import com.fankeep.core.insight.StatsService;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden test: Etsy's sold orders + sold order items files of sample-data/ (MM/DD/YY, no phone, no e-mail). */
class EtsyImportTest {

    static final Path ORDERS = Path.of("sample-data/etsy/EtsySoldOrders2024-3.csv");
    static final Path ITEMS = Path.of("sample-data/etsy/EtsySoldOrderItems2024-3.csv");

    @TempDir
    Path temp;
    GoldenDb g;

    @BeforeEach
    void open() {
        g = new GoldenDb(temp);
    }

    @AfterEach
    void close() {
        g.close();
    }

    private ImportSummary importPair() {
        // the items file first on purpose: the engine reads the orders file (pass 0) before the items (pass 1)
        return g.importNow(ITEMS, ORDERS);
    }

    @Test
    void importsOrdersTheirItemsAndOneCustomerPerBuyer() {
        ImportSummary s = importPair();

        assertThat(s.problems()).isZero();
        assertThat(s.files()).extracting(FileSummary::format).containsExactly("etsy_orders", "etsy_items");
        assertThat(s.newOrders()).isEqualTo(5);
        assertThat(s.newCustomers()).isEqualTo(5); // 5 distinct Buyer User IDs
        Stats stats = new StatsService(g.db).stats();
        assertThat(stats.orders()).isEqualTo(5);
        assertThat(stats.orderLines()).isEqualTo(7); // 7 item rows
        var o = g.order("etsy", "3924372402");
        var line = g.db.dsl().selectFrom(ORDER_LINE).where(ORDER_LINE.ORDER_ID.eq(o.getId())).fetchOne();
        assertThat(line.getTitle()).isEqualTo("Linen Cushion Cover");
        assertThat(line.getVariant()).isEqualTo("Color:Grey Blue,Size:45x45cm");
        assertThat(line.getQuantity()).isEqualTo(2);
        assertThat(line.getLineTotal()).isEqualByComparingTo("20.00");
        assertThat(line.getExternalLineId()).isEqualTo("4608101994");
        assertThat(g.db.dsl().fetchCount(ORDER_LINE, ORDER_LINE.ORDER_ID.eq(g.order("etsy", "3263449450").getId()))).isEqualTo(2);
    }

    @Test
    void datesAreMonthFirstAndStatusesFollowShipping() {
        importPair();
        var emily = g.order("etsy", "3176331036");
        // 03/02/24 and 03/04/24 are March 2nd and 4th, 2024
        assertThat(emily.getOrderedAt().atZoneSameInstant(GoldenDb.SHANGHAI).toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 2));
        assertThat(emily.getShippedAt().atZoneSameInstant(GoldenDb.SHANGHAI).toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(emily.getStatus()).isEqualTo("completed");
        assertThat(emily.getCurrency()).isEqualTo("USD");
        assertThat(emily.getReceiverCountry()).isEqualTo("United States");
        assertThat(g.order("etsy", "3924372402").getStatus()).isEqualTo("paid"); // no status, not shipped yet
    }

    @Test
    void revenueIsTheOrderTotals() {
        importPair();
        // computed independently with python3 csv.DictReader over EtsySoldOrders2024-3.csv: sum of Order Total
        // (35.24 + 44.00 + 56.84 + 32.00 + 58.00); every order is paid, none refunded (no Adjusted Order Total)
        assertThat(new StatsService(g.db).stats().revenueByCurrency()).containsOnlyKeys("USD");
        assertThat(g.revenue("USD")).isEqualByComparingTo("226.08");
    }

    @Test
    void buyersAreKnownByTheirEtsyUserId() {
        importPair();
        Long emily = g.customerWith("nickname", "848652107");
        assertThat(emily).isNotNull();
        assertThat(g.orders(emily, "etsy")).isEqualTo(1);
        assertThat(g.db.dsl().select(CONTACT_CHANNEL.PLATFORM).from(CONTACT_CHANNEL)
                .where(CONTACT_CHANNEL.KIND.eq("nickname")).fetch(CONTACT_CHANNEL.PLATFORM)).containsOnly("etsy");
        assertThat(g.db.dsl().fetchCount(CONTACT_CHANNEL, CONTACT_CHANNEL.KIND.in("phone", "email"))).isZero();
    }

    @Test
    void theItemsFileAloneNamesTheMissingOrdersAndStoresNothing() {
        ImportSummary s = g.importNow(ITEMS);

        assertThat(s.nothingNew()).isTrue();
        assertThat(s.problems()).isEqualTo(5); // one per order
        assertThat(s.firstProblems().get(0).code()).isEqualTo("order_not_found");
        assertThat(s.firstProblems().get(0).row()).isEqualTo(2);
        assertThat(g.db.dsl().fetchCount(IMPORT_BATCH)).isZero();
    }

    @Test
    void importingTheSameFilesAgainChangesNothing() {
        importPair();
        String before = g.fingerprint();

        ImportSummary again = importPair();

        assertThat(again.nothingNew()).isTrue();
        assertThat(again.unchangedOrders()).isEqualTo(5);
        assertThat(g.fingerprint()).isEqualTo(before);
    }

    @Test
    void undoingTheItemsBatchLeavesTheOrdersWithoutLines() {
        g.importNow(ORDERS);
        String before = g.fingerprint();
        ImportSummary items = g.importNow(ITEMS);
        assertThat(items.files().get(0).lines()).isEqualTo(7);

        g.service.undo(items.files().get(0).batchId());

        assertThat(g.fingerprint()).isEqualTo(before);
        assertThat(g.db.dsl().fetchCount(ORDER_LINE)).isZero();
        assertThat(g.db.dsl().fetchCount(SHOP_ORDER)).isEqualTo(5);
    }

    static final Path IN_PERSON_COLUMNS = Path.of("src/test/resources/layouts/etsy/EtsySoldOrders2024-3-inperson-columns.csv");

    @Test
    void theBuyerUsernameIsTheNicknameShownAndTheUserIdStaysTheKey() {
        importPair();
        Long emily = g.customerWith("nickname", "848652107");
        assertThat(g.db.dsl().select(CONTACT_CHANNEL.RAW_VALUE).from(CONTACT_CHANNEL)
                .where(CONTACT_CHANNEL.CUSTOMER_ID.eq(emily).and(CONTACT_CHANNEL.KIND.eq("nickname")))
                .fetch(CONTACT_CHANNEL.RAW_VALUE)).containsExactly("emilycarterart");
        assertThat(g.db.dsl().fetchCount(CONTACT_CHANNEL, CONTACT_CHANNEL.RAW_VALUE.eq("848652107"))).isZero();
    }

    @Test
    void theLayoutWithInPersonColumnsAndFourDigitYearsMeetsTheSameBuyers() {
        // EtsySoldOrders ending in InPerson Discount,InPerson Location,SKU with MM/DD/YYYY dates (EXPORT-FORMATS §9)
        importPair();
        ImportSummary s = g.importNow(IN_PERSON_COLUMNS);

        assertThat(s.firstProblems()).isEmpty();
        assertThat(s.files()).extracting(FileSummary::format).containsExactly("etsy_orders");
        assertThat(s.unchangedOrders()).isEqualTo(2);
        assertThat(s.newCustomers()).isZero();
        assertThat(g.order("etsy", "3176331036").getOrderedAt().atZoneSameInstant(GoldenDb.SHANGHAI).toLocalDate().getYear())
                .isEqualTo(2024);
    }
}
