package com.fankeep.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.integrity.IntegrityService;
import com.fankeep.core.shared.Messages;
import com.fankeep.testing.SampleShop;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCheckViewModelTest {

    @TempDir
    Path temp;

    private final List<Throwable> unexpected = new ArrayList<>();
    private final UiTasks tasks = UiTasks.direct(unexpected::add);

    @Test
    void theFullCheckSaysTheDataIsSoundOrNamesWhatIsWrong() {
        try (Database db = Database.open(temp.resolve("shop"))) {
            SampleShop.load(db, temp.resolve("samples"));
            DataCheckViewModel vm = new DataCheckViewModel(new IntegrityService(db), tasks, () -> Messages.of(Locale.ENGLISH));

            vm.checkNow();
            assertThat(vm.statusProperty().get()).startsWith("Your data is sound:");
            assertThat(vm.busyProperty().get()).isFalse();

            // a figure only the full check looks at
            db.dsl().execute("update customer set order_count = order_count + 1 where id = (select min(customer_id) from shop_order)");
            vm.checkNow();
            assertThat(vm.statusProperty().get()).startsWith("The check found problems:").contains("order_figures");
            assertThat(unexpected).isEmpty();
        }
    }
}
