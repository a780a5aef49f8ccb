package com.fankeep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests start every app on TestFX's one primary stage. An app that was closed must not stay reachable through that
 * stage once the next one shows there: the main window's placement listeners on it kept every earlier app's window,
 * pages and services (878 MB live after the TestFX tests).
 */
class AppReleaseAppTest extends AppTestBase {

    @Test
    void aClosedAppIsGarbageOnceTheNextOneShowsOnTheSameStage(@TempDir Path dir) throws Exception {
        // made here, outside TestFX's setup timeout (a busy machine)
        Database.open(dir.resolve("first")).close();
        Database.open(dir.resolve("second")).close();
        startApp(dir.resolve("first"));
        waitUntilShown("#nav-today");
        WeakReference<FanKeepApp> first = new WeakReference<>(app());
        closeApp();

        startApp(dir.resolve("second"));
        waitUntilShown("#nav-today");
        for (int i = 0; i < 50 && first.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }

        assertThat(first.get()).as("the first app, closed, after a full GC").isNull();
    }
}
