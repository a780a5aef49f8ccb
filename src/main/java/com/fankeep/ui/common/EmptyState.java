package com.fankeep.ui.common;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What a page shows before it has data: an icon, a title, what the page will hold, and the next step as a button
 * that really does something (never a button that does nothing).
 */
public final class EmptyState {

    private static final double TEXT_WIDTH = 600;

    private final VBox root = new VBox();
    private final HBox actions = new HBox(12);

    public EmptyState(Ikon icon, String title, String body) {
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add("empty-state-icon");

        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().addAll(Styles.TITLE_2, "empty-state-title");
        titleLabel.setWrapText(true);
        titleLabel.setTextAlignment(TextAlignment.CENTER);

        Label bodyLabel = new Label(body);
        bodyLabel.getStyleClass().add("empty-state-body");
        bodyLabel.setWrapText(true);
        bodyLabel.setTextAlignment(TextAlignment.CENTER);
        bodyLabel.setMaxWidth(TEXT_WIDTH);

        root.getStyleClass().add("empty-state");
        root.setAlignment(Pos.CENTER);
        root.getChildren().addAll(graphic, titleLabel, bodyLabel);
    }

    /** The next step, e.g. "Import your first order export", as an accent button. */
    public EmptyState action(String text, Runnable onAction) {
        Button button = button(text, onAction);
        button.getStyleClass().addAll(Styles.ACCENT, "empty-state-action");
        button.setDefaultButton(true);
        return this;
    }

    /** Another way forward next to the main one, e.g. "Load sample data"; {@code id} names the button for tests. */
    public EmptyState secondaryAction(String text, String id, Runnable onAction) {
        Button button = button(text, onAction);
        button.getStyleClass().add("empty-state-secondary");
        button.setId(id);
        return this;
    }

    /** The buttons do nothing while {@code busy} (e.g. an import is already under way). */
    public EmptyState disableActionsWhile(ObservableBooleanValue busy) {
        actions.disableProperty().bind(busy);   // a property binding holds the source weakly: no leak of this page
        return this;
    }

    private Button button(String text, Runnable onAction) {
        Button button = new Button(text);
        button.setMnemonicParsing(false);
        button.setOnAction(e -> onAction.run());
        if (actions.getChildren().isEmpty()) {
            actions.setAlignment(Pos.CENTER);
            actions.getStyleClass().add("empty-state-actions");
            root.getChildren().add(actions);
        }
        actions.getChildren().add(button);
        return button;
    }

    /** Anything else the page needs to say (e.g. the list of supported exports). */
    public EmptyState extra(Node node) {
        root.getChildren().add(node);
        return this;
    }

    public Node node() {
        return root;
    }
}
