package com.fankeep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.db.UpgradeProgress;
import com.fankeep.testing.OlderSchema;
import com.fankeep.ui.shell.PageId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first start after an update that must update the data shows a window saying so before the update ends (ADR 0048);
 * its Cancel stops the update, the old file stays as it was and the app quits after saying so; a start over
 * up-to-date data shows no such window.
 */
class UpdateWindowTest extends AppTestBase {

    @TempDir
    Path dir;

    /** The first start in a cold JVM on a busy machine builds the main window in more than TestFX's default 10 s. */
    @org.junit.jupiter.api.BeforeAll
    static void patientSetup() {
        org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
    }

    @Test
    void aStartThatUpdatesOlderDataShowsTheWindowBeforeTheUpdateEnds() throws Exception {
        OlderSchema.copyWithOneCustomer(dir, "195");
        Held held = new Held();

        CompletableFuture<Void> started = startAppInBackground(dir, (d, progress) -> FanKeepApp.openWithUpgradeBackup(d, held.over(progress)));

        Label message = (Label) waitUntilShown("#upgrade-message");
        assertThat(message.getText()).startsWith("Updating your shop's data for this version");
        assertThat(started).as("the update is still held in its first migration").isNotDone();
        held.release.countDown();
        started.get(60, TimeUnit.SECONDS);
        waitUntilShown("#" + PageId.CUSTOMERS.navId());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#upgrade-window").match(AppTestBase::onShownWindow)
                .tryQuery().isEmpty());
    }

    @Test
    void cancelStopsTheUpdateLeavesTheFileAsItWasAndQuits() throws Exception {
        OlderSchema.copyWithOneCustomer(dir, "195");
        Held held = new Held();
        CompletableFuture<Void> started = startAppInBackground(dir, (d, progress) -> FanKeepApp.openWithUpgradeBackup(d, held.over(progress)));
        held.inMigration.await(60, TimeUnit.SECONDS);
        String before = sha(dir.resolve("fankeep.mv.db")); // closed: the migrations run on a copy

        robot.clickOn((Button) waitUntilShown("#upgrade-cancel"));
        held.release.countDown();
        started.get(60, TimeUnit.SECONDS);

        Label said = (Label) waitUntilShown("#upgrade-cancelled");
        assertThat(said.getText()).contains("Your data was not changed");
        assertThat(sha(dir.resolve("fankeep.mv.db"))).isEqualTo(before);
        assertThat(dir.resolve("fankeep-migrating.mv.db")).doesNotExist();
        assertThat(robot.lookup("#" + PageId.CUSTOMERS.navId()).tryQuery()).as("no main window").isEmpty();
        robot.clickOn((Button) waitUntilShown("#upgrade-cancel")); // now "Close"
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> exitCode.get() == 0);
    }

    @Test
    void aStartOverUpToDateDataShowsNoUpdateWindow() throws Exception {
        Database.open(dir).close();
        CompletableFuture<Void> started = startAppInBackground(dir, (d, progress) -> FanKeepApp.openWithUpgradeBackup(d, progress));
        started.get(60, TimeUnit.SECONDS);
        waitUntilShown("#" + PageId.CUSTOMERS.navId());
        assertThat(robot.lookup("#upgrade-window").tryQuery()).isEmpty();
        assertThat(app().updateWindow().asked()).as("not even shown and closed again").isFalse();
    }

    private static String sha(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** The app's own progress (the update window), with the first migration held until the test releases it. */
    private static final class Held {
        final CountDownLatch inMigration = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        UpgradeProgress over(UpgradeProgress window) {
            return new UpgradeProgress() {
                @Override
                public void updating(javax.sql.DataSource current, int pending) {
                    window.updating(current, pending);
                }

                @Override
                public void backingUp() {
                    window.backingUp();
                }

                @Override
                public void migration(int index, int total, String version, String description) {
                    window.migration(index, total, version, description);
                    inMigration.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public void step(long done, long total) {
                    window.step(done, total);
                }

                @Override
                public boolean cancelled() {
                    return window.cancelled();
                }
            };
        }
    }
}
