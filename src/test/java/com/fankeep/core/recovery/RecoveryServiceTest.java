package com.fankeep.core.recovery;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.importing.SampleData;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline on real imports: lapsed ranking, moves, and "active again" when a later import brings a newer order. */
class RecoveryServiceTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path temp;

    private Database db;
    private ImportService imports;
    private List<Path> taobao;
    private List<Path> others;
    private final List<Long> told = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabases.fresh(temp);
        imports = new ImportService(db);
        List<Path> files = SampleData.extractTo(temp.resolve("sample"));
        taobao = files.stream().filter(p -> p.toString().contains("taobao")).toList();
        others = files.stream().filter(p -> !p.toString().contains("taobao")).toList();
        importNow(taobao);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** A clock one day after the newest order stored so far: the day the owner works through the old customers. */
    private RecoveryService serviceTheDayAfterTheLastOrder() {
        return serviceAt(lastOrder().plusDays(1));
    }

    private OffsetDateTime lastOrder() {
        return db.dsl().select(org.jooq.impl.DSL.max(CUSTOMER.LAST_ORDER_AT)).from(CUSTOMER).fetchOne(0, OffsetDateTime.class);
    }

    private RecoveryService serviceAt(OffsetDateTime now) {
        RecoveryService recovery = new RecoveryService(db, new SettingsService(db), told::addAll, Clock.fixed(now.toInstant(), SHANGHAI));
        imports.addListener(new RecoveryImportListener(recovery));
        return recovery;
    }

    @Test
    void lapsedCustomersAreRankedByValueAndTheLapseDaysComeFromSettings() {
        RecoveryService recovery = serviceTheDayAfterTheLastOrder();
        assertThat(recovery.lapseDays()).isEqualTo(180);
        int at180 = recovery.board(10).counts().get(RecoveryState.NONE);
        recovery.setLapseDays(2);
        RecoveryBoard board = recovery.board(1000);
        int buyers = db.dsl().fetchCount(CUSTOMER, CUSTOMER.LAST_ORDER_AT.lt(lastOrder().plusDays(1).minusDays(2)));

        assertThat(board.lapseDays()).isEqualTo(2);
        assertThat(board.counts().get(RecoveryState.NONE)).isEqualTo(buyers).isGreaterThan(at180);
        List<RecoveryCustomer> lapsed = board.columns().get(RecoveryState.NONE);
        for (int i = 1; i < lapsed.size(); i++) {
            assertThat(lapsed.get(i - 1).netSpend()).isGreaterThanOrEqualTo(lapsed.get(i).netSpend());
        }
        assertThat(lapsed.getFirst().spendText()).startsWith("¥");
        assertThatThrownBy(() -> recovery.setLapseDays(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void movesWalkThePipelineAndNoneTakesSomeoneOut() {
        RecoveryService recovery = serviceTheDayAfterTheLastOrder();
        recovery.setLapseDays(1);
        long id = recovery.list(RecoveryState.NONE, 1, 0).getFirst().id();

        assertThat(recovery.move(List.of(id), RecoveryState.TO_CONTACT)).isEqualTo(1);
        OffsetDateTime entered = db.dsl().fetchValue(CUSTOMER.RECOVERY_ENTERED_AT, CUSTOMER.ID.eq(id));
        assertThat(entered).isNotNull();
        recovery.move(List.of(id), RecoveryState.CONTACTED);
        recovery.move(List.of(id), RecoveryState.ADDED);
        assertThat(recovery.move(List.of(id), RecoveryState.ADDED)).isZero();
        assertThat(db.dsl().fetchValue(CUSTOMER.RECOVERY_ENTERED_AT, CUSTOMER.ID.eq(id)).toInstant()).isEqualTo(entered.toInstant());
        RecoveryBoard board = recovery.board(10);
        assertThat(board.counts().get(RecoveryState.ADDED)).isEqualTo(1);
        assertThat(board.columns().get(RecoveryState.ADDED)).extracting(RecoveryCustomer::id).containsExactly(id);
        assertThat(board.columns().get(RecoveryState.NONE)).extracting(RecoveryCustomer::id).doesNotContain(id);
        assertThat(told).contains(id);

        recovery.move(List.of(id), RecoveryState.NONE);
        assertThat(db.dsl().fetchValue(CUSTOMER.RECOVERY_STATE, CUSTOMER.ID.eq(id))).isEqualTo("none");
        assertThat(db.dsl().fetchValue(CUSTOMER.RECOVERY_ENTERED_AT, CUSTOMER.ID.eq(id))).isNull();
        assertThatThrownBy(() -> recovery.move(List.of(999_999L), RecoveryState.ADDED)).hasMessageContaining("#999999");
    }

    @Test
    void anImportWithANewerOrderMakesPipelineCustomersActiveAgainAndItsUndoTakesThatBack() {
        // New Year 2024: the owner puts everyone quiet since before then into the pipeline; the later files of the
        // sample shop (JD, Pinduoduo, Youzan … up to March 2024) bring new orders from some of them.
        RecoveryService recovery = serviceAt(OffsetDateTime.parse("2024-01-01T00:00:00+08:00"));
        recovery.setLapseDays(1);
        List<Long> pipeline = recovery.list(RecoveryState.NONE, 1000, 0).stream().map(RecoveryCustomer::id).toList();
        assertThat(pipeline).isNotEmpty();
        recovery.move(pipeline, RecoveryState.CONTACTED);

        ImportSummary later = importNow(others);

        Set<Long> expected = db.dsl().fetch("select distinct o.customer_id from shop_order o join customer c on c.id = o.customer_id "
                + "where c.recovery_entered_at is not null and coalesce(o.ordered_at, o.paid_at) > c.recovery_entered_at "
                + "and o.status in ('paid', 'shipped', 'completed', 'partially_refunded')")
                .getValues(0, Long.class).stream().collect(Collectors.toSet());
        assertThat(expected).isNotEmpty(); // the sample shop's later files do bring newer orders from some of them
        Set<Long> active = Set.copyOf(db.dsl().select(CUSTOMER.ID).from(CUSTOMER)
                .where(CUSTOMER.RECOVERY_STATE.eq("active_again")).fetch(CUSTOMER.ID));
        assertThat(active).isEqualTo(expected);
        assertThat(db.dsl().fetchCount(CUSTOMER, CUSTOMER.RECOVERY_STATE.eq("contacted"))).isEqualTo(pipeline.size() - expected.size());
        assertThat(recovery.catchUp()).as("idempotent").isZero();

        for (var f : later.files()) {
            if (f.batchId() != null) {
                imports.undo(f.batchId());
            }
        }
        assertThat(db.dsl().fetchCount(CUSTOMER, CUSTOMER.RECOVERY_STATE.eq("active_again"))).isZero();
        assertThat(db.dsl().fetchCount(CUSTOMER, CUSTOMER.RECOVERY_STATE.eq("contacted"))).isEqualTo(pipeline.size());
    }

    @Test
    void catchUpLeavesMergedAwayAndErasedPipelineCustomersAlone() {
        RecoveryService recovery = serviceAt(OffsetDateTime.parse("2024-01-01T00:00:00+08:00"));
        recovery.setLapseDays(1);
        List<Long> three = recovery.list(RecoveryState.NONE, 3, 0).stream().map(RecoveryCustomer::id).toList();
        assertThat(three).hasSize(3);
        recovery.move(three, RecoveryState.CONTACTED);
        OffsetDateTime newer = OffsetDateTime.parse("2024-02-01T00:00:00+08:00");
        db.dsl().update(CUSTOMER).set(CUSTOMER.LAST_ORDER_AT, newer).where(CUSTOMER.ID.in(three)).execute();
        db.dsl().update(CUSTOMER).set(CUSTOMER.MERGED_INTO_ID, three.get(2)).where(CUSTOMER.ID.eq(three.get(0))).execute();
        db.dsl().update(CUSTOMER).set(CUSTOMER.ERASED_AT, newer).where(CUSTOMER.ID.eq(three.get(1))).execute();

        assertThat(recovery.catchUp()).isEqualTo(1);
        assertThat(db.dsl().fetchValue(CUSTOMER.RECOVERY_STATE, CUSTOMER.ID.eq(three.get(2)))).isEqualTo("active_again");
        assertThat(db.dsl().fetchValue(CUSTOMER.RECOVERY_STATE, CUSTOMER.ID.eq(three.get(0)))).isEqualTo("contacted");
        assertThat(db.dsl().fetchValue(CUSTOMER.RECOVERY_STATE, CUSTOMER.ID.eq(three.get(1)))).isEqualTo("contacted");
    }

    private ImportSummary importNow(List<Path> files) {
        return imports.importNow(new ImportRequest(files, null, null, SHANGHAI), Progress.NONE, Cancellation.none());
    }

    @Test
    void aCardCarriesTheCallablePhoneFirstAndTheChatAccountsAMaskedPhoneOnlyMarkedAsSuch() {
        importNow(others);
        RecoveryService recovery = serviceAt(lastOrder().plusYears(3)); // everyone lapsed
        List<RecoveryCustomer> lapsed = recovery.list(RecoveryState.NONE, 500, 0);
        assertThat(lapsed).isNotEmpty();
        RecoveryCustomer.Contacts zhang = lapsed.stream().filter(c -> "张伟".equals(c.name())).findFirst().orElseThrow().contacts();
        assertThat(zhang.phone()).isEqualTo("+8613800138000");
        assertThat(zhang.phoneMasked()).isFalse();
        assertThat(zhang.wechat()).isEqualTo("zw_1988");
        assertThat(zhang.qq()).isEqualTo("10001001");
        // a customer whose only phone is the platform's masked one: shown, but marked as not callable
        assertThat(lapsed).anySatisfy(c -> {
            assertThat(c.contacts().phoneMasked()).isTrue();
            assertThat(c.contacts().phone()).contains("****");
            assertThat(c.hasPhone()).isFalse();
        });
    }
}
