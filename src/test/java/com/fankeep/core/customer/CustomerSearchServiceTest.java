package com.fankeep.core.customer;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index built from a real, freshly migrated H2 file after importing the sample Taobao files. */
class CustomerSearchServiceTest {

    static final Path ORDERS = Path.of("sample-data/taobao/ExportOrderList202403151030.csv");
    static final Path DETAILS = Path.of("sample-data/taobao/ExportOrderDetailList202403151030.csv");

    @TempDir
    Path temp;
    Database db;
    CustomerSearchService search;

    @BeforeEach
    void open() {
        db = Database.open(temp.resolve("data"));
        new ImportService(db).importNow(new ImportRequest(List.of(DETAILS, ORDERS), null, null, ZoneId.of("Asia/Shanghai")),
                Progress.NONE, Cancellation.none());
        search = new CustomerSearchService(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long idOf(String name) {
        return db.dsl().select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.NAME.eq(name)).fetchSingle().value1();
    }

    @Test
    void findsZhangWeiByInitialsPinyinAndLastFourDigits() throws Exception {
        assertThat(search.search("zw", 10)).isEmpty(); // not built yet
        int size = search.buildAsync(Runnable::run, Progress.NONE, Cancellation.none()).get(10, TimeUnit.SECONDS);
        assertThat(size).isEqualTo(db.dsl().fetchCount(CUSTOMER));
        long zhangWei = idOf("张伟");

        assertThat(search.search("zw", 10)).contains(zhangWei);
        assertThat(search.search("zhangwei", 10)).startsWith(zhangWei);
        assertThat(search.search("8000", 10)).contains(zhangWei);
        assertThat(search.search("张伟", 10)).startsWith(zhangWei);
        assertThat(search.search("138 0013 8000", 10)).containsExactly(zhangWei);
    }

    @Test
    void findsTheRareCharacterCustomerByNicknameAndPinyin() {
        search.build(Progress.NONE, Cancellation.none());
        long wangZhe = idOf("王喆");
        assertThat(search.search("喆喆爱", 10)).containsExactly(wangZhe);
        assertThat(search.search("wangzhe", 10)).containsExactly(wangZhe);
    }

    @Test
    void findsAMaskedPhoneByItsVisibleDigits() {
        search.build(Progress.NONE, Cancellation.none());
        List<Long> masked = db.dsl().select(CONTACT_CHANNEL.CUSTOMER_ID).from(CONTACT_CHANNEL)
                .where(CONTACT_CHANNEL.IS_MASKED.isTrue()).and(CONTACT_CHANNEL.RAW_VALUE.contains("8012"))
                .fetch(r -> r.value1());
        assertThat(masked).isNotEmpty();
        assertThat(search.search("8012", 50)).contains(masked.getFirst());
    }

    @Test
    void mergedAndErasedCustomersAreNotIndexedAndRefreshFollowsChanges() {
        long zhangWei = idOf("张伟");
        long other = db.dsl().select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.ID.ne(zhangWei)).limit(1).fetchSingle().value1();
        db.transaction(tx -> tx.update(CUSTOMER).set(CUSTOMER.ERASED_AT, OffsetDateTime.now()).where(CUSTOMER.ID.eq(zhangWei)).execute());
        search.build(Progress.NONE, Cancellation.none());
        assertThat(search.search("zhangwei", 10)).doesNotContain(zhangWei);

        db.transaction(tx -> tx.update(CUSTOMER).setNull(CUSTOMER.ERASED_AT).where(CUSTOMER.ID.eq(zhangWei)).execute());
        search.refresh(zhangWei);
        assertThat(search.search("zhangwei", 10)).startsWith(zhangWei);

        db.transaction(tx -> tx.update(CUSTOMER).set(CUSTOMER.MERGED_INTO_ID, other).where(CUSTOMER.ID.eq(zhangWei)).execute());
        search.refresh(zhangWei);
        assertThat(search.search("zhangwei", 10)).doesNotContain(zhangWei);
    }
}
