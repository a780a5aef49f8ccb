package com.fankeep.ui.crypto;

import atlantafx.base.theme.Styles;
import com.fankeep.core.shared.Messages;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/** The "Password / encryption" part of Settings: state, and a small form to set, change or remove the password. */
public final class EncryptionSection {

    private EncryptionSection() {
    }

    public static Node build(EncryptionViewModel vm, Messages m) {
        Label state = new Label(m.get(vm.encrypted() ? "crypto.settings.on" : "crypto.settings.off"));
        state.setId("crypto-state");
        state.getStyleClass().add(Styles.TEXT_BOLD);
        Label status = new Label();
        status.setId("crypto-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        VBox form = new VBox(8);
        HBox buttons = new HBox(8);
        buttons.setAlignment(Pos.CENTER_LEFT);
        if (vm.encrypted()) {
            buttons.getChildren().addAll(
                    open(m.get("crypto.settings.change"), "crypto-change", () -> form(vm, m, EncryptionViewModel.Mode.CHANGE, form, buttons)),
                    open(m.get("crypto.settings.remove"), "crypto-remove", () -> form(vm, m, EncryptionViewModel.Mode.REMOVE, form, buttons)));
        } else {
            buttons.getChildren().add(
                    open(m.get("crypto.settings.set"), "crypto-set", () -> form(vm, m, EncryptionViewModel.Mode.SET, form, buttons)));
        }
        buttons.disableProperty().bind(vm.busyProperty());
        Label title = new Label(m.get("crypto.settings.title"), new FontIcon(MaterialDesignL.LOCK_OUTLINE));
        title.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label(m.get("crypto.settings.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        VBox box = new VBox(10, title, hint, state, buttons, form, status);
        box.getStyleClass().add("settings-section");
        return box;
    }

    private static Button open(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static void form(EncryptionViewModel vm, Messages m, EncryptionViewModel.Mode mode, VBox form, HBox buttons) {
        form.getChildren().clear();
        PasswordField current = field(m.get("crypto.settings.current"), "crypto-current");
        PasswordField next = field(m.get("crypto.settings.new"), "crypto-new");
        PasswordField again = field(m.get("crypto.settings.again"), "crypto-again");
        if (mode != EncryptionViewModel.Mode.SET) {
            form.getChildren().add(current);
        }
        if (mode != EncryptionViewModel.Mode.REMOVE) {
            form.getChildren().addAll(next, again);
            Label forgotten = new Label(m.get("crypto.forgotten"));
            forgotten.setWrapText(true);
            forgotten.getStyleClass().add(Styles.WARNING);
            form.getChildren().add(forgotten);
        }
        Label explain = new Label(m.get("crypto.settings.explain"));
        explain.setWrapText(true);
        explain.getStyleClass().add(Styles.TEXT_MUTED);
        Label problem = new Label();
        problem.setId("crypto-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        // takes room only when there is something to say (an empty row stood between the text and the buttons)
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        Button apply = new Button(m.get("crypto.settings.apply"));
        apply.setId("crypto-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        Button cancel = new Button(m.get("crypto.settings.cancel"));
        cancel.setId("crypto-cancel");
        cancel.setOnAction(e -> {
            if (vm.busyProperty().get()) {
                vm.cancel();
            } else {
                form.getChildren().clear();
            }
        });
        apply.setOnAction(e -> {
            String refused = vm.apply(mode, current.getText().toCharArray(), next.getText().toCharArray(),
                    again.getText().toCharArray());
            problem.setText(refused == null ? "" : refused);
        });
        apply.disableProperty().bind(vm.busyProperty());
        HBox actions = new HBox(8, cancel, apply);
        actions.setAlignment(Pos.CENTER_LEFT);
        form.getChildren().addAll(explain, problem, actions);
    }

    private static PasswordField field(String prompt, String id) {
        PasswordField f = new PasswordField();
        f.setPromptText(prompt);
        f.setId(id);
        f.setMaxWidth(360);
        return f;
    }
}
