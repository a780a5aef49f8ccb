package com.fankeep.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports end with a duplicates scan, which also finds the same name in the same city without a shared phone. */
class ScanAfterImportTest {

    static final Path SHOPIFY = Path.of("sample-data/shopify/orders_export_1.csv");
    static final Path ETSY = Path.of("sample-data/etsy/EtsySoldOrders2024-3.csv");

    @TempDir
    Path temp;
    Database db;
    CoreServices services;

    @BeforeEach
    void open() {
        db = Database.open(temp.resolve("data"));
        services = CoreServices.over(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anEtsyBuyerWithOnlyAUsernameIsSuggestedWithTheShopifyCustomerOfTheSameNameAndCity() {
        services.imports().importNow(new ImportRequest(List.of(SHOPIFY, ETSY), null, null, ZoneId.of("Asia/Shanghai")),
                Progress.NONE, Cancellation.none());

        // no `duplicates scan` by hand: the import did it. Emily Carter: Shopify with a phone, Etsy with a username only,
        // both San Francisco
        List<DuplicateSuggestion> list = services.merges().suggestions(100);
        assertThat(list).anySatisfy(s -> {
            assertThat(s.a().name()).isEqualTo("Emily Carter");
            assertThat(s.b().name()).isEqualTo("Emily Carter");
            assertThat(s.evidence()).extracting(Evidence::reason).contains("name_city");
        });
    }

    @Test
    void theImportScansOnlyTheCustomersItAddedOrChangedAndSaysHowManyPairsItFound() {
        long before = customer("Li Lei");
        long beforeToo = customer("li  LEI");
        db.dsl().execute("update customer set city = 'Leeds' where id in (?, ?)", before, beforeToo);
        List<String> phases = new java.util.concurrent.CopyOnWriteArrayList<>();

        var summary = services.imports().importNow(new ImportRequest(List.of(SHOPIFY, ETSY), null, null,
                ZoneId.of("Asia/Shanghai")), (done, total, message) -> phases.add(message), Cancellation.none());

        List<DuplicateSuggestion> list = services.merges().suggestions(100);
        assertThat(summary.possibleDuplicates()).isPositive().isEqualTo(list.size());
        assertThat(phases).contains("duplicates");   // in the import's own job, with its progress
        // the two customers the import did not touch were not scanned: that is `duplicates scan`
        assertThat(list).noneSatisfy(s -> assertThat(s.a().id()).isEqualTo(before));
        services.merges().scan(Progress.NONE, Cancellation.none());
        assertThat(services.merges().suggestions(100)).anySatisfy(s -> assertThat(s.a().id()).isEqualTo(before));
    }

    @Test
    void aPreviewHasNoDuplicatesCountYet() {
        var summary = services.imports().dryRun(new ImportRequest(List.of(SHOPIFY), null, null, ZoneId.of("Asia/Shanghai")),
                Progress.NONE, Cancellation.none());
        assertThat(summary.possibleDuplicates()).isEqualTo(-1);
    }

    @Test
    void aPairFoundForTwoReasonsIsOneNewPair() {
        services.imports().importNow(new ImportRequest(List.of(SHOPIFY, ETSY), null, null, ZoneId.of("Asia/Shanghai")),
                Progress.NONE, Cancellation.none());
        db.dsl().execute("delete from merge_suggestion");

        ScanResult r = services.merges().scan(Progress.NONE, Cancellation.none());

        assertThat(r.newSuggestions()).isLessThanOrEqualTo(r.pairsFound());
        assertThat(r.newSuggestions()).isEqualTo(r.pairsFound());
    }

    @Test
    void aNicknameThatIsAnotherCustomersNameIsSuggestedButTwoNamesAloneAreNot() {
        long named = customer("Emily Carter");
        long nicknamed = customer("E. C.");
        db.dsl().execute("insert into contact_channel (customer_id, kind, raw_value, normalized_value) "
                + "values (?, 'nickname', 'emily  CARTER', 'emilycarter')", nicknamed);
        long sameNameElsewhere = customer("Emily Carter");

        services.merges().scan(Progress.NONE, Cancellation.none());

        List<DuplicateSuggestion> list = services.merges().suggestions(100);
        assertThat(list).anySatisfy(s -> {
            assertThat(List.of(s.a().id(), s.b().id())).containsExactlyInAnyOrder(named, nicknamed);
            assertThat(s.evidence()).extracting(Evidence::reason).containsExactly("nickname_name");
        });
        assertThat(list).noneSatisfy(s -> assertThat(List.of(s.a().id(), s.b().id()))
                .containsExactlyInAnyOrder(named, sameNameElsewhere));
    }

    /** Written past the services, and marked as a writer marks it (ADR 0044): the next scan stores its keys. */
    private long customer(String name) {
        long id = db.dsl().fetchOne("select id from final table (insert into customer (name) values (?))", name).get(0, Long.class);
        com.fankeep.core.db.DuplicateKeyMarks.mark(db.dsl(), List.of(id));
        return id;
    }

    @Test
    void namesAndCitiesAreComparedAsPeopleWriteThem() {
        assertThat(ScanTexts.nameKey("Émily  CARTER")).isEqualTo(ScanTexts.nameKey("emily carter"));
        assertThat(ScanTexts.nameKey("张 伟")).isEqualTo("张伟");
        assertThat(ScanTexts.nameKey("Emily")).isNull(); // a first name alone is not enough
        assertThat(ScanTexts.nameKey("孙*")).isNull();
        assertThat(ScanTexts.cityKey("上海市")).isEqualTo(ScanTexts.cityKey("上海"));
        assertThat(ScanTexts.cityKey("San Francisco")).isEqualTo(ScanTexts.cityKey("san francisco"));
    }
}
