package com.fankeep.ui.tiers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.SampleData;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.Progress;
import com.fankeep.core.tier.Tier;
import com.fankeep.core.tier.TierCount;
import com.fankeep.testing.TestDatabases;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → tiers (preview as the owner types, refusing nonsense, save and recompute) and the profile's pin panel. */
class TierViewModelsTest {

    @TempDir
    Path temp;

    private Database db;
    private CoreServices services;
    private final List<Throwable> failures = new ArrayList<>();
    private final UiTasks tasks = UiTasks.direct(failures::add);
    private final Messages m = Messages.of(Locale.ENGLISH);

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabases.fresh(temp.resolve("data"));
        services = CoreServices.over(db);
        List<Path> files = SampleData.extractTo(temp.resolve("sample"));
        services.imports().importNow(new ImportRequest(files, null, null, java.time.ZoneId.of("Asia/Shanghai")), Progress.NONE,
                Cancellation.none());
    }

    @AfterEach
    void tearDown() {
        assertThat(failures).isEmpty();
        db.close();
    }

    @Test
    void thePreviewFollowsTheFieldsAndSaveRecomputes() {
        List<Runnable> debounced = new ArrayList<>();
        TierSettingsViewModel vm = new TierSettingsViewModel(services.tiers(), tasks, () -> m, debounced::add);
        vm.load();
        long lapsed = services.tiers().counts().stream().filter(c -> "lapsed".equals(c.tier())).mapToLong(TierCount::count).sum();
        assertThat(lapsed).as("the sample shop's orders are from 2024").isPositive();
        assertThat(vm.preview("lapsed").get()).isEqualTo(String.valueOf(lapsed));
        assertThat(vm.field("lapsedAfterDays").get()).isEqualTo("365");
        assertThat(vm.rates()).containsKeys("CNY", "USD");

        vm.field("lapsedAfterDays").set("20000");
        assertThat(vm.preview("lapsed").get()).as("debounced: nothing asked yet").isEqualTo(String.valueOf(lapsed));
        debounced.getLast().run();
        assertThat(vm.preview("lapsed").get()).isEqualTo("0");
        assertThat(services.tiers().counts()).as("the preview stored nothing")
                .contains(new TierCount("lapsed", lapsed));

        vm.field("vipMinOrders").set("three");
        debounced.getLast().run();
        assertThat(vm.problemProperty().get()).contains("vipMinOrders");
        vm.field("vipMinOrders").set("3");
        vm.save();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("Tiers recomputed:");
        assertThat(services.tiers().settings().lapsedAfterDays()).isEqualTo(20000);
        assertThat(services.tiers().counts()).contains(new TierCount("lapsed", 0));
        assertThat(vm.movedProperty().get()).startsWith("This month:");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void pinAndUnpinFromTheProfile() {
        long id = db.dsl().select(org.jooq.impl.DSL.min(com.fankeep.core.db.jooq.Tables.CUSTOMER.ID))
                .from(com.fankeep.core.db.jooq.Tables.CUSTOMER).where(com.fankeep.core.db.jooq.Tables.CUSTOMER.ORDER_COUNT.gt(0))
                .fetchOne().value1();
        CustomerTierViewModel vm = new CustomerTierViewModel(services.tiers(), tasks);
        int[] changed = {0};
        vm.onChanged(() -> changed[0]++);
        vm.show(id);
        assertThat(vm.pinProperty().get()).isNull();
        List<String> invalid = new ArrayList<>();
        vm.pin(Tier.VIP, "  ", invalid::add);
        assertThat(invalid).hasSize(1);
        assertThat(vm.pinProperty().get()).isNull();
        vm.pin(Tier.VIP, "hosts the Chengdu meet-up", invalid::add);
        assertThat(vm.pinProperty().get().tier()).isEqualTo("vip");
        assertThat(vm.history().getFirst().reason()).isEqualTo("pin");
        assertThat(changed[0]).isEqualTo(1);
        vm.unpin();
        assertThat(vm.pinProperty().get()).isNull();
        assertThat(vm.history().getFirst().reason()).isEqualTo("unpin");
        assertThat(changed[0]).isEqualTo(2);
    }
}
