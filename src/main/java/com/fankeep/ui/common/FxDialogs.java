package com.fankeep.ui.common;

import com.fankeep.core.shared.Messages;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/** {@link Dialogs} as JavaFX alerts; call on the FX thread. */
public final class FxDialogs implements Dialogs {

    private final Supplier<Messages> messages;
    private final Stage owner;

    /** @param owner the main window (used only while it is showing) */
    public FxDialogs(Supplier<Messages> messages, Stage owner) {
        this.messages = messages;
        this.owner = owner;
    }

    @Override
    public CompletionStage<Void> showError(String title, String message, String details) {
        Messages m = messages.get();
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setPrefWidth(520);
        ButtonType close = new ButtonType(m.get("dialog.close"), ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(close);
        if (details != null && !details.isBlank()) {
            ButtonType copy = new ButtonType(m.get("dialog.copyDetails"), ButtonData.LEFT);
            alert.getButtonTypes().add(copy);
            Button copyButton = (Button) alert.getDialogPane().lookupButton(copy);
            copyButton.setId("copy-details");
            // Copying must not close the dialog: the owner may want to read the message again.
            copyButton.addEventFilter(ActionEvent.ACTION, e -> {
                e.consume();
                ClipboardContent content = new ClipboardContent();
                content.putString(title + "\n" + message + "\n\n" + details);
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
                copyButton.setText(m.get("dialog.copied"));
            });
        }
        CompletableFuture<Void> closed = new CompletableFuture<>();
        alert.setOnHidden(e -> closed.complete(null));
        alert.show();
        return closed;
    }
}
