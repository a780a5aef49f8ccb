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
        AtomicBoolean loadingGone = new AtomicBoolean();
        // every pulse, from before the window exists: what is not in the scene at a pulse is never drawn
        AnimationTimer watch = new AnimationTimer() {
            @Override
            public void handle(long now) {
                emptyShown.compareAndSet(false, showing("#today-empty"));
                boolean loading = showing("#today-loading");
                loadingShown.compareAndSet(false, loading);
                loadingGone.compareAndSet(false, loadingShown.get() && !loading);
            }
        };
        Platform.runLater(watch::start);
        SlowStats[] slow = new SlowStats[1];
        try {
            startApp(data, Database::open, s -> withStats(s, slow[0] = new SlowStats(s.stats())));
            // the app opens on the dashboard; Today is one click away, asked while the figures are still on their way
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#" + PageId.TODAY.navId()).tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#" + PageId.TODAY.navId());
            // the figures are held back until Today has said it is loading: no race with a slow start
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, loadingShown::get);
            slow[0].release();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#today-page").tryQuery().isPresent());
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, loadingGone::get);
        } finally {
            if (slow[0] != null) {
                slow[0].release();
            }
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

    /** The real figures, each answer held back (as on a big, busy shop) until the test releases them. */
    static final class SlowStats extends StatsService {
        private final StatsService real;
        private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

        SlowStats(StatsService real) {
            super(null);
            this.real = real;
        }

        void release() {
            released.countDown();
        }

        @Override
        public Stats stats() {
            holdBack();
            return real.stats();
        }

        @Override
        public boolean empty() {
            holdBack();
            return real.empty();
        }

        private void holdBack() {
            try {
                released.await(60, TimeUnit.SECONDS);
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
