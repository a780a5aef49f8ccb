package com.fankeep.ui.launches;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import com.fankeep.core.launch.AllocationPolicy;
import com.fankeep.core.launch.LaunchService;
import com.fankeep.core.launch.NewLaunch;
import com.fankeep.core.launch.PhaseKind;
import com.fankeep.core.launch.PhaseSpec;
import com.fankeep.core.shared.Messages;
import com.fankeep.testing.TestDatabases;
import com.fankeep.ui.common.FakeDialogs;
import com.fankeep.ui.common.UiTasks;
import com.fankeep.ui.launches.LaunchesViewModel.AllocationRow;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Launches page's model over a real database, every call on the test's thread. */
class LaunchesViewModelTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-06T12:00:00+08:00");

    @TempDir
    Path temp;

    /** The page opened again after a commit shows each fan's reason as stored at the commit, not just the state. */
    @Test
    void aReopenedCommittedAllocationShowsEachFansStoredReason() {
        List<Throwable> unexpected = new ArrayList<>();
        try (Database db = TestDatabases.fresh(temp)) {
            LaunchService launches = CoreServices.over(db, Clock.fixed(NOW.toInstant(), ZONE)).launches();
            FanData data = new FanData(db);
            long id = launches.create(new NewLaunch("春茶", "春茶礼盒", null, "CNY", 3, null, 24)).id();
            launches.phase(id, new PhaseSpec(PhaseKind.FIRST_BATCH, NOW.minusHours(2), NOW.plusHours(10), null, null, 3, 2,
                    new BigDecimal("99")));
            long iron = data.customer("铁粉甲", "iron_fan");
            long vip = data.customer("VIP乙", "vip");
            launches.reserve(id, vip, 2, OffsetDateTime.parse("2026-12-06T10:01:00+08:00"), null);
            launches.reserve(id, iron, 2, OffsetDateTime.parse("2026-12-06T10:02:00+08:00"), null);
            launches.commit(id, AllocationPolicy.TIER_TIME, 1L, false, Messages.of(Locale.ENGLISH));

            LaunchesViewModel vm = new LaunchesViewModel(launches, null, null, UiTasks.direct(unexpected::add), new FakeDialogs(),
                    () -> Messages.of(Locale.ENGLISH));
            vm.refresh();

            assertThat(vm.allocation()).extracting(AllocationRow::name, AllocationRow::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("铁粉甲", "Iron fan, asked 10:02, 2 of 2 allocated"),
                    org.assertj.core.groups.Tuple.tuple("VIP乙", "VIP, asked 10:01, 1 of 2 allocated, waitlist #1"));
            assertThat(unexpected).isEmpty();
        }
    }
}
