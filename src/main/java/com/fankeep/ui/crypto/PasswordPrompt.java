package com.fankeep.ui.crypto;

import atlantafx.base.theme.Styles;
import com.fankeep.core.db.WrongPasswordException;
import com.fankeep.core.shared.Messages;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * Shown on start in place of the main window when the data folder is encrypted: nothing opens the database before
 * the password is right. The check (PBKDF2, then opening the database) runs on its own thread, never the FX thread;
 * a wrong password is said plainly and the owner tries again.
 */
public final class PasswordPrompt {

    /** Unlocks and opens the data with the password; throws {@link WrongPasswordException} for a wrong one. */
    @FunctionalInterface
    public interface Unlock {
        void open(char[] password);
    }

    private final Stage stage;
    private final Messages m;
    private final Path dataFolder;
    private final Unlock unlock;
    private final Runnable onOpened;
    private final Consumer<Integer> quit;

    public PasswordPrompt(Stage stage, Messages m, Path dataFolder, Unlock unlock, Runnable onOpened, Consumer<Integer> quit) {
        this.stage = stage;
        this.m = m;
        this.dataFolder = dataFolder;
        this.unlock = unlock;
        this.onOpened = onOpened;
        this.quit = quit;
    }

    public void show() {
        Label title = new Label(m.get("crypto.prompt.title"), new FontIcon(MaterialDesignL.LOCK_OUTLINE));
        title.getStyleClass().add(Styles.TITLE_3);
        Label message = new Label(m.get("crypto.prompt.message", dataFolder));
        message.setWrapText(true);
        PasswordField field = new PasswordField();
        field.setId("password-field");
        Label status = new Label();
        status.setId("password-status");
        status.setWrapText(true);
        Button open = new Button(m.get("crypto.prompt.open"));
        open.setId("password-open");
        open.setDefaultButton(true);
        Button quitButton = new Button(m.get("crypto.prompt.quit"));
        quitButton.setId("password-quit");
        quitButton.setOnAction(e -> quit.accept(0));
        open.setOnAction(e -> {
            char[] password = field.getText().toCharArray();
            if (password.length == 0) {
                return;
            }
            field.setDisable(true);
            open.setDisable(true);
            status.getStyleClass().remove(Styles.DANGER);
            status.setText(m.get("crypto.prompt.checking"));
            Thread t = new Thread(() -> {
                try {
                    unlock.open(password);
                    Platform.runLater(onOpened);
                } catch (WrongPasswordException wrong) {
                    Platform.runLater(() -> {
                        field.clear();
                        field.setDisable(false);
                        open.setDisable(false);
                        field.requestFocus();
                        // last: the message says the prompt is ready for another try
                        status.getStyleClass().add(Styles.DANGER);
                        status.setText(m.get("crypto.prompt.wrong"));
                    });
                } finally {
                    Arrays.fill(password, '\0');
                }
            }, "fankeep-unlock");
            t.setDaemon(true);
            t.start();
        });
        HBox buttons = new HBox(8, quitButton, open);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(14, title, message, field, status, buttons);
        root.setPadding(new Insets(24));
        root.setPrefWidth(460);
        stage.setTitle(m.get("app.title"));
        stage.setScene(new Scene(root));
        stage.show();
        field.requestFocus();
    }
}
