package com.fankeep.ui.launches;

import com.fankeep.core.campaign.Campaign;
import com.fankeep.core.launch.TrialFeedback;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Tables;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The trial: make it (samples for the trial phase's audience, a gift campaign of kind sample; `launch trial`), then
 * what its fans said back (interactions of kind feedback; `launch feedback`).
 */
final class TrialPane {

    private final VBox root;

    TrialPane(LaunchesViewModel vm, Messages m) {
        Label current = new Label();
        current.setId("launch-trial-status");
        current.setWrapText(true);
        current.textProperty().bind(Bindings.createStringBinding(() -> {
            Campaign c = vm.trialProperty().get();
            return c == null ? m.get("launches.trial.none") : m.get("launches.trial.current", c.name(), c.stockLeft(), c.quantity());
        }, vm.trialProperty()));

        TextField quantity = new TextField();
        quantity.setId("launch-trial-quantity");
        quantity.setPrefColumnCount(5);
        Button make = new Button(m.get("launches.trial.make"));
        make.setId("launch-trial-make");
        make.disableProperty().bind(vm.trialProperty().isNotNull().or(Bindings.createBooleanBinding(
                () -> positive(quantity.getText()) == null, quantity.textProperty())));
        make.setOnAction(e -> {
            Integer n = positive(quantity.getText());
            if (n != null) {
                vm.makeTrial(n);
            }
        });
        Label hint = new Label(m.get("launches.trial.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_SUBTLE);

        TableView<TrialFeedback> said = new TableView<>(vm.feedback());
        said.setId("launch-feedback");
        Label empty = new Label();
        empty.setId("launch-feedback-empty");
        empty.setWrapText(true);
        // not the status line's "no trial yet" a second time: where the feedback will come from
        empty.textProperty().bind(Bindings.when(vm.trialProperty().isNull()).then(m.get("launches.feedback.noTrial"))
                .otherwise(m.get("launches.feedback.none")));
        said.setPlaceholder(empty);
        said.getColumns().add(Cells.column(m.get("launches.col.customer"), f -> f.name() == null ? "#" + f.customerId() : f.name()));
        said.getColumns().add(Cells.column(m.get("launches.col.said"), f -> Cells.when(f.at(), vm.zone())));
        said.getColumns().add(Cells.column(m.get("launches.col.channel"), f -> channel(m, f.channel())));
        said.getColumns().add(Cells.column(m.get("launches.col.feedback"), f -> f.summary() == null ? "" : f.summary()));
        Tables.fit(said, "launch-feedback");
        VBox.setVgrow(said, Priority.ALWAYS);
        Label title = new Label(m.get("launches.feedback.title"));
        title.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);

        root = new VBox(6, current, LaunchesView.row(new Label(m.get("launches.trial.quantity")), quantity, make), hint, title, said);
    }

    /** The interaction's channel by its name, as the timeline shows it (the stored code only if it is one no longer known). */
    static String channel(Messages m, String code) {
        if (code == null) {
            return "";
        }
        return m.bundle().containsKey("followups.channel." + code) ? m.get("followups.channel." + code) : code;
    }

    /** A whole number above zero, or null. */
    private static Integer positive(String text) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.strip());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Node node() {
        return root;
    }
}
