package com.fankeep.ui.common;

import atlantafx.base.theme.Styles;
import com.fankeep.core.shared.Messages;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/** {@link Dialogs} as JavaFX alerts; call on the FX thread. */
public final class FxDialogs implements Dialogs {

    private final Supplier<Messages> messages;
    private final Stage owner;
    private File lastFolder;

    /** @param owner the main window (used only while it is showing) */
    public FxDialogs(Supplier<Messages> messages, Stage owner) {
        this.messages = messages;
        this.owner = owner;
    }

    @Override
    public CompletionStage<Void> showError(String title, String message, String details) {
        Messages m = messages.get();
        Alert alert = alert(Alert.AlertType.ERROR, title, message);
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

    @Override
    public CompletionStage<Boolean> confirm(String title, String message, String actionText, String keepText) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        ButtonType action = new ButtonType(actionText, ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(keepText, ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(action, keep);
        Button actionButton = (Button) alert.getDialogPane().lookupButton(action);
        actionButton.setId("confirm-action");
        actionButton.getStyleClass().add(Styles.DANGER);
        // Enter must not do what cannot be taken back: the safe choice is the default.
        actionButton.setDefaultButton(false);
        Button keepButton = (Button) alert.getDialogPane().lookupButton(keep);
        keepButton.setId("confirm-keep");
        keepButton.setDefaultButton(true);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        alert.setOnHidden(e -> answer.complete(alert.getResult() == action));
        alert.show();
        return answer;
    }

    /** An alert over the window the owner is looking at, its title also as its header, wide enough to read. */
    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        Window parent = currentWindow();
        if (parent != null) {
            alert.initOwner(parent);
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setPrefWidth(520);
        return alert;
    }

    @Override
    public List<Path> chooseFilesToOpen(String title, List<FileType> types) {
        FileChooser chooser = chooser(title, types);
        List<File> files = chooser.showOpenMultipleDialog(currentWindow());
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        lastFolder = files.getFirst().getParentFile();
        return files.stream().map(File::toPath).toList();
    }

    @Override
    public Path chooseFileToSave(String title, String suggestedName, FileType type) {
        FileChooser chooser = chooser(title, List.of(type));
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(currentWindow());
        if (file == null) {
            return null;
        }
        lastFolder = file.getParentFile();
        return file.toPath();
    }

    @Override
    public Path chooseFolder(String title, Path initial) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        if (initial != null && java.nio.file.Files.isDirectory(initial)) {
            chooser.setInitialDirectory(initial.toFile());
        }
        File dir = chooser.showDialog(currentWindow());
        return dir == null ? null : dir.toPath();
    }

    private FileChooser chooser(String title, List<FileType> types) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (FileType t : types) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(t.description(), t.patterns()));
        }
        if (lastFolder != null && Files.isDirectory(lastFolder.toPath())) {
            chooser.setInitialDirectory(lastFolder);   // the next export is usually next to the last one
        }
        return chooser;
    }

    /** The window the owner is looking at (a dialog over the main window, or the main window), so new dialogs sit on top of it. */
    private Window currentWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage && w.isFocused()).findFirst()
                .orElse(owner != null && owner.isShowing() ? owner : null);
    }
}
