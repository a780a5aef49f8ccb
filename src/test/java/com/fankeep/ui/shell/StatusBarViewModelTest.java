package com.fankeep.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.insight.StatsService;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusBarViewModelTest {

    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Queue<Runnable> fx = new ArrayDeque<>();
    private final UiTasks tasks = new UiTasks(background::add, background::add, fx::add, e -> { });

    @Test
    void countsAreLoadingUntilTheBackgroundCallReturnsThenShowAnEmptyDatabase(@TempDir Path dir) {
        try (Database db = Database.open(dir)) {
            StatusBarViewModel vm = new StatusBarViewModel(new StatsService(db), tasks, dir);

            vm.refresh();
            assertThat(vm.statsProperty().get()).as("loading").isNull();
            run(background);
            assertThat(vm.statsProperty().get()).as("not set off the FX thread").isNull();
            run(fx);

            assertThat(vm.statsProperty().get().customers()).isZero();
            assertThat(vm.statsProperty().get().orders()).isZero();
            assertThat(vm.failedProperty().get()).isFalse();
        }
    }

    @Test
    void aFailedCountShowsAsUnavailable(@TempDir Path dir) {
        Database db = Database.open(dir);
        db.close();   // every query now fails
        StatusBarViewModel vm = new StatusBarViewModel(new StatsService(db), tasks, dir);

        vm.refresh();
        run(background);
        run(fx);

        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.statsProperty().get()).isNull();
    }

    private static void run(Queue<Runnable> queue) {
        Runnable r;
        while ((r = queue.poll()) != null) {
            r.run();
        }
    }

}
