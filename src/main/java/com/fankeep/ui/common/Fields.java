package com.fankeep.ui.common;

import javafx.beans.InvalidationListener;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;

/** Text fields whose prompt says what to type: a prompt is clipped (no ellipsis, no wrap), so the field keeps room for it. */
public final class Fields {

    private Fields() {
    }

    /** Keeps {@code field} at least as wide as its prompt in its font and padding, in either language. */
    public static TextField fitPrompt(TextField field) {
        InvalidationListener fit = o -> {
            String prompt = field.getPromptText();
            if (prompt == null || prompt.isEmpty()) {
                return;
            }
            Text measure = new Text(prompt);
            measure.setFont(field.getFont());
            field.setMinWidth(Math.ceil(measure.getLayoutBounds().getWidth() + field.snappedLeftInset() + field.snappedRightInset()) + 2);
        };
        field.promptTextProperty().addListener(fit);
        field.fontProperty().addListener(fit);
        field.insetsProperty().addListener(fit);
        fit.invalidated(null);
        return field;
    }
}
