package com.fankeep.core.customer;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.IMPORT_BATCH;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.merge.MergeService;
import com.fankeep.core.privacy.ErasureReason;
import com.fankeep.core.privacy.ErasureService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Order numbers in the search box: full, prefix, pasted forms, and after merges, erasure and an undone import. */
class OrderNumberSearchTest {

    static final Path SHOPIFY = Path.of("sample-data/shopify/orders_export_1.csv");

    @TempDir
    Path temp;
    Database db;
    CustomerSearchService search;
    ImportService imports;

    @BeforeEach
    void open() {
        db = Database.open(temp.resolve("data"));
        imports = new ImportService(db);
        imports.importNow(new ImportRequest(List.of(CustomerSearchServiceTest.DETAILS, CustomerSearchServiceTest.ORDERS), null, null,
                ZoneId.of("Asia/Shanghai")), Progress.NONE, Cancellation.none());
        search = new CustomerSearchService(db);
        search.build(Progress.NONE, Cancellation.none());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private record Placed(String number, long customer) {
    }

    private List<Placed> orders(String platform) {
        return db.dsl().select(SHOP_ORDER.EXTERNAL_ORDER_ID, SHOP_ORDER.CUSTOMER_ID).from(SHOP_ORDER)
                .where(SHOP_ORDER.CUSTOMER_ID.isNotNull()).and(SHOP_ORDER.PLATFORM.eq(platform)).orderBy(SHOP_ORDER.ID)
                .fetch(r -> new Placed(r.value1(), r.value2()));
    }

    @Test
    void aFullTaobaoNumberFindsItsBuyerFirstAlsoAsPastedFromTheExport() {
        Placed o = orders("taobao").getFirst();
        assertThat(o.number()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(search.search(o.number(), 10)).startsWith(o.customer());
        assertThat(search.search("=\"" + o.number() + "\"", 10)).startsWith(o.customer());
        assertThat(search.search(" " + o.number() + "\t", 10)).startsWith(o.customer());
    }

    @Test
    void aPrefixOfSixOrMoreCharactersFindsTheBuyerAndAShorterOneDoesNot() {
        Placed o = orders("taobao").getFirst();
        String prefix = o.number().substring(0, o.number().length() - 3);
        assertThat(search.search(prefix, 500)).contains(o.customer());
        long sharingFive = orders("taobao").stream().filter(p -> p.number().startsWith(o.number().substring(0, 5))).count();
        assertThat(OrderNumberQuery.of(o.number().substring(0, 5)).prefixes()).isEmpty();
        assertThat(sharingFive).isPositive();
    }

    @Test
    void shopifyNumbersAreFoundWithAndWithoutTheHash() {
        imports.importNow(new ImportRequest(List.of(SHOPIFY), null, null, ZoneId.of("Asia/Shanghai")), Progress.NONE,
                Cancellation.none());
        Placed o = orders("shopify").getFirst();
        assertThat(o.number()).startsWith("#");
        assertThat(search.search(o.number(), 10)).startsWith(o.customer());
        assertThat(search.search(o.number().substring(1), 10)).startsWith(o.customer());
    }

    @Test
    void aMergeMovesTheOrderToTheSurvivorAndUndoMovesItBack() {
        Placed o = orders("taobao").getFirst();
        long other = db.dsl().select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.ID.ne(o.customer())).orderBy(CUSTOMER.ID)
                .limit(1).fetchSingle().value1();
        MergeService merges = new MergeService(db, search);
        var result = merges.merge(new com.fankeep.core.merge.MergeRequest(List.of(other, o.customer()), other, Map.of()));
        assertThat(search.search(o.number(), 10)).startsWith(other).doesNotContain(o.customer());

        merges.undo(result.mergeId());
        assertThat(search.search(o.number(), 10)).startsWith(o.customer());
    }

    @Test
    void erasedBuyersAndUndoneImportsAreNotFound() {
        Placed o = orders("taobao").getFirst();
        new ErasureService(db, search).erase(o.customer(), ErasureReason.REQUEST);
        assertThat(search.search(o.number(), 10)).doesNotContain(o.customer());

        Placed another = orders("taobao").stream().filter(p -> p.customer() != o.customer()).findFirst().orElseThrow();
        assertThat(search.search(another.number(), 10)).startsWith(another.customer());
        for (long batch : db.dsl().select(IMPORT_BATCH.ID).from(IMPORT_BATCH).orderBy(IMPORT_BATCH.ID.desc()).fetch(r -> r.value1())) {
            imports.undo(batch);
        }
        assertThat(search.search(another.number(), 10)).isEmpty();
    }

    @Test
    void textThatCannotBeAnOrderNumberIsNotLookedUp() {
        assertThat(OrderNumberQuery.of("张三").isEmpty()).isTrue();
        assertThat(OrderNumberQuery.of("zhangsan").isEmpty()).isTrue();
        assertThat(OrderNumberQuery.of("138").isEmpty()).isTrue();
        assertThat(OrderNumberQuery.of("138 0013").isEmpty()).isTrue();
        assertThat(OrderNumberQuery.of("#1001").exact()).contains("#1001", "1001");
        assertThat(OrderNumberQuery.of("1001").exact()).contains("#1001", "1001");
        assertThat(OrderNumberQuery.of("e20230501").exact()).contains("E20230501");
    }
}
