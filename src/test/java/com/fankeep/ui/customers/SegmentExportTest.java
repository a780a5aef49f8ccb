package com.fankeep.ui.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.bench.SegmentData;
import com.fankeep.core.customer.CustomerFilter;
import com.fankeep.core.db.Database;
import com.fankeep.core.export.ExportKind;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.Progress;
import com.fankeep.ui.common.FakeDialogs;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exporting "all that match" with a segment filter leaves out who asked not to be contacted, and says how many. */
class SegmentExportTest {

    @TempDir
    Path temp;

    @Test
    void aSegmentExportLeavesOutDoNotContactAndCountsThem() throws Exception {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        List<SegmentData.Customer> generated = new ArrayList<>();
        try (Database db = Database.open(temp.resolve("data"))) {
            SegmentData.write(db, 400, 1_200, 5, now, generated::add, Progress.NONE);
            CoreServices core = CoreServices.over(db, Clock.fixed(now, ZoneId.of("Asia/Shanghai")));
            core.segments().save("买过的", "orders >= 1");
            long members = generated.stream().filter(c -> !c.erased() && c.orderCount() >= 1).count();
            long dnc = generated.stream().filter(c -> !c.erased() && c.orderCount() >= 1 && c.doNotContact()).count();
            assertThat(dnc).isPositive();

            List<Throwable> unexpected = new ArrayList<>();
            CustomersViewModel vm = new CustomersViewModel(core.customers(), core.search(), UiTasks.direct(unexpected::add));
            FakeDialogs dialogs = new FakeDialogs();
            dialogs.fileToSave = temp.resolve("out.csv");
            vm.useExports(core.customerExports(), dialogs);
            vm.filter(new CustomerFilter(null, null, null, null, null, null, null, null, null, null, "买过的"));
            vm.export(ExportKind.CSV, List.of(), true, false, Messages.of(Locale.ENGLISH));

            assertThat(unexpected).isEmpty();
            assertThat(vm.exportNotice().get()).startsWith((members - dnc) + " customers written to")
                    .endsWith(dnc + " who asked not to be contacted were left out.");
            assertThat(Files.exists(dialogs.fileToSave)).isTrue();
        }
    }
}
