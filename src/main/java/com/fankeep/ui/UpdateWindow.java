package com.fankeep.ui;

import atlantafx.base.theme.Styles;
import com.fankeep.core.db.UpgradeProgress;
import com.fankeep.core.settings.Language;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Localization;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The window of a start that updates an older FanKeep's data (ADR 0048): shown as soon as the open knows it must
 * migrate, before the backup, so a long first start never looks dead. It says what happens, shows the backup and then
 * each migration, and its Cancel stops the update: the copy being migrated is deleted and the old file stays as it was.
 * The open calls it on its own thread; everything visible is done on the FX thread.
 */
final class UpdateWindow implements UpgradeProgress {

    private final Locale systemLocale;
    private final Image icon;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    /** Set on the FX thread once shown. */
    private Stage stage;
    private Label step;
    private Label detail;
    private ProgressBar bar;
    private Button cancelButton;
    private volatile Messages messages;
    private volatile String stepText = "";
    private volatile String detailText = "";
    private volatile double fraction = ProgressBar.INDETERMINATE_PROGRESS;
    private volatile int index;
    private volatile int total;
    private volatile int percent = -1;
    private volatile long firstFrameAt;
    private volatile long doneAt;

    UpdateWindow(Locale systemLocale, Image icon) {
        this.systemLocale = systemLocale;
        this.icon = icon;
    }

    /** True once the open asked for it (it had to update older data), even if it has closed since. */
    boolean asked() {
        return messages != null;
    }

    /** When (epoch millis) the window's first frame was laid out; 0: it never showed. */
    long firstFrameAt() {
        return firstFrameAt;
    }

    /** When (epoch millis) the open that updated the data returned; 0: there was no update. */
    long doneAt() {
        return doneAt;
    }

    /** The open returned: the update, if there was one, is done. */
    void opened() {
        if (messages != null) {
            doneAt = System.currentTimeMillis();
        }
    }

    @Override
    public void updating(javax.sql.DataSource current, int pending) {
        // in the owner's language when their settings can be read (they are in the file about to be updated)
        Language language = SettingsService.languageIn(current);
        Messages m = new Localization(language, systemLocale).messages();
        messages = m;
        stepText = m.get("upgrade.checking");
        Platform.runLater(this::show);
    }

    @Override
    public void backingUp() {
        stepText = messages.get("upgrade.backup");
        fraction = ProgressBar.INDETERMINATE_PROGRESS;
        refresh();
    }

    @Override
    public void migration(int index, int total, String version, String description) {
        this.index = index;
        this.total = total;
        this.percent = -1;
        stepText = messages.get("upgrade.step", index, total);
        detailText = "";
        fraction = total == 0 ? ProgressBar.INDETERMINATE_PROGRESS : (index - 1) / (double) total;
        refresh();
    }

    @Override
    public void step(long done, long of) {
        int p = of <= 0 ? 0 : (int) Math.min(100, done * 100 / of);
        if (p == percent || total == 0) {
            return; // at most a hundred updates a migration
        }
        percent = p;
        detailText = messages.get("upgrade.percent", p);
        fraction = (index - 1 + p / 100.0) / total;
        refresh();
    }

    @Override
    public boolean cancelled() {
        return cancel.get();
    }

    /** One FX update at a time for however many reports came meanwhile. */
    private void refresh() {
        if (refreshQueued.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                refreshQueued.set(false);
                if (stage != null) {
                    step.setText(stepText);
                    detail.setText(detailText);
                    bar.setProgress(fraction);
                }
            });
        }
    }

    private void show() {
        // before start() sets it for the main window: the update window is the first one
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        Messages m = messages;
        Label title = new Label(m.get("upgrade.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label message = new Label(m.get("upgrade.message"));
        message.setWrapText(true);
        message.setId("upgrade-message");
        step = new Label(stepText);
        step.setId("upgrade-step");
        detail = new Label(detailText);
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        bar = new ProgressBar(fraction);
        bar.setMaxWidth(Double.MAX_VALUE);
        cancelButton = new Button(m.get("upgrade.cancel"));
        cancelButton.setId("upgrade-cancel");
        cancelButton.setOnAction(e -> cancel());
        HBox buttons = new HBox(8, cancelButton);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, title, message, step, bar, detail, buttons);
        root.setId("upgrade-window");
        root.setPadding(new Insets(24));
        root.setPrefWidth(520);
        stage = new Stage();
        if (icon != null) {
            stage.getIcons().add(icon);
        }
        stage.setTitle(m.get("upgrade.title"));
        Scene scene = new Scene(root);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            firstFrameAt = System.currentTimeMillis();
        };
        scene.addPostLayoutPulseListener(once[0]);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            e.consume(); // closing the window is a Cancel: the update is never left half-way
            cancel();
        });
        stage.show();
    }

    private void cancel() {
        cancel.set(true);
        cancelButton.setDisable(true);
        stepText = messages.get("upgrade.cancelling");
        step.setText(stepText);
    }

    /** The update stopped on Cancel: says so plainly; Close ends the app. On the FX thread. */
    void showCancelled(Runnable quit) {
        if (stage == null) {
            quit.run();
            return;
        }
        step.setText(messages.get("upgrade.cancelled"));
        step.setWrapText(true);
        step.setId("upgrade-cancelled");
        detail.setText("");
        bar.setProgress(0);
        cancelButton.setText(messages.get("upgrade.close"));
        cancelButton.setDisable(false);
        cancelButton.setOnAction(e -> quit.run());
        stage.setOnCloseRequest(e -> quit.run());
        stage.sizeToScene();
    }

    /** The update is done (or failed and the main window says so): the window goes. On the FX thread. */
    void close() {
        if (stage != null) {
            stage.close();
        }
    }
}
