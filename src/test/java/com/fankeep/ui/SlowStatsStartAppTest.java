package com.fankeep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.ui.shell.PageId;
import com.fankeep.core.bench.TaobaoExportGenerator;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.insight.Stats;
import com.fankeep.core.insight.StatsService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #17: a shop with customers whose figures are slow to arrive never sees the first-run page ("Nothing to do
 * today yet … Import your first order export"); Today says it is loading until it knows, then shows the agenda.
 */
class SlowStatsStartAppTest extends AppTestBase {

    @Test
    void aShopWithDataNeverSeesTheFirstRunPageWhileItsFiguresLoad(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (Database db = Database.open(data)) {
            Path file = dir.resolve("taobao.csv");
            TaobaoExportGenerator.write(file, 30, 7);
            CoreServices.over(db).imports().importNow(new ImportRequest(List.of(file), null, null, ZoneId.of("Asia/Shanghai")),
                    Progress.NONE, Cancellation.none());
        }
        AtomicBoolean emptyShown = new AtomicBoolean();
        AtomicBoolean loadingShown = new AtomicBoolean();
        // every pulse, from before the window exists: what is not in the scene at a pulse is never drawn
        AnimationTimer watch = new AnimationTimer() {
            @Override
            public void handle(long now) {
                emptyShown.compareAndSet(false, showing("#today-empty"));
                loadingShown.compareAndSet(false, showing("#today-loading"));
            }
        };
        Platform.runLater(watch::start);
        try {
            startApp(data, Database::open, s -> withStats(s, new SlowStats(s.stats())));
            // the app opens on the dashboard; Today is one click away, asked while the figures are still on their way
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#" + PageId.TODAY.navId()).tryQuery().isPresent());
            robot.clickOn("#" + PageId.TODAY.navId());
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#today-page").tryQuery().isPresent());
        } finally {
            Platform.runLater(watch::stop);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(emptyShown).as("the first-run empty state showed to a shop with 30 orders").isFalse();
        assertThat(loadingShown).as("Today said it was loading").isTrue();
    }

    /** On the FX thread: is a node with this selector in any window's scene (robot lookups would wait for this thread)? */
    private static boolean showing(String selector) {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.getScene() != null && w.getScene().lookup(selector) != null) {
                return true;
            }
        }
        return false;
    }

    /** The real figures, each answer held back as on a big, busy shop. */
    static final class SlowStats extends StatsService {
        private final StatsService real;

        SlowStats(StatsService real) {
            super(null);
            this.real = real;
        }

        @Override
        public Stats stats() {
            pause(4000);
            return real.stats();
        }

        @Override
        public boolean empty() {
            pause(1500);
            return real.empty();
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code s} with another stats service; by its record components, so services added later need no change here. */
    static AppServices withStats(AppServices s, StatsService stats) {
        try {
            RecordComponent[] parts = AppServices.class.getRecordComponents();
            Object[] values = new Object[parts.length];
            Class<?>[] types = new Class<?>[parts.length];
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                values[i] = types[i] == StatsService.class ? stats : parts[i].getAccessor().invoke(s);
            }
            return AppServices.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
