package com.fankeep.ui.common;

import java.util.concurrent.CompletionStage;

/** Every dialog the app shows goes through here, so ViewModels stay testable and dialogs look alike. */
public interface Dialogs {

    /**
     * A problem the owner must read: a title, a short message, and (when not null) technical details that are never
     * shown, only copied with a "Copy details" button for whoever helps them.
     *
     * @return completes when the owner closed the dialog
     */
    CompletionStage<Void> showError(String title, String message, String details);
}
