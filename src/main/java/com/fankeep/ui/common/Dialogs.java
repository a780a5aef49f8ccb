package com.fankeep.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Every dialog, file chooser and confirmation the app shows goes through here, so ViewModels stay testable and dialogs look alike. */
public interface Dialogs {

    /**
     * A problem the owner must read: a title, a short message, and (when not null) technical details that are never
     * shown, only copied with a "Copy details" button for whoever helps them.
     *
     * @return completes when the owner closed the dialog
     */
    CompletionStage<Void> showError(String title, String message, String details);

    /**
     * Asks before something that cannot be taken back. The buttons are named for what they do ("Undo import",
     * "Keep it"), never Yes/No; the safe one is the default.
     *
     * @return completes with true when the owner chose {@code actionText}, false otherwise (including closing the dialog)
     */
    CompletionStage<Boolean> confirm(String title, String message, String actionText, String keepText);

    /** Lets the owner pick one or more files to read; an empty list when they cancelled. */
    List<Path> chooseFilesToOpen(String title, List<FileType> types);

    /** Lets the owner pick where to save a file; null when they cancelled. */
    Path chooseFileToSave(String title, String suggestedName, FileType type);

    /**
     * A folder to choose, starting at {@code initial} when it exists; null when the owner cancelled (also the answer
     * of dialogs that cannot choose folders, e.g. a test's).
     */
    default Path chooseFolder(String title, Path initial) {
        return null;
    }
}
