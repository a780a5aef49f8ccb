package com.fankeep.ui.tiers;

import atlantafx.base.theme.Styles;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.tier.Tier;
import com.fankeep.core.tier.TierChange;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** Profile → Tier: pinned or not (pin with a reason, unpin) and the history of changes with why. */
public final class CustomerTierPanel {

    private final VBox root = new VBox(8);

    public CustomerTierPanel(CustomerTierViewModel vm, Messages m) {
        root.setId("profile-tier");
        Label pinned = new Label();
        pinned.setId("tier-pinned");
        Button unpin = new Button(m.get("tier.profile.unpin"));
        unpin.setId("tier-unpin");
        unpin.setOnAction(e -> vm.unpin());
        HBox pinnedRow = new HBox(8, pinned, unpin);
        pinnedRow.setAlignment(Pos.CENTER_LEFT);

        ComboBox<Tier> tier = new ComboBox<>(FXCollections.observableArrayList(Tier.values()));
        tier.setId("tier-pin-choice");
        tier.setConverter(new StringConverter<>() {
            @Override
            public String toString(Tier t) {
                return t == null ? "" : m.get("customers.tier." + t.code());
            }

            @Override
            public Tier fromString(String s) {
                return null;
            }
        });
        tier.getSelectionModel().select(Tier.VIP);
        TextField reason = new TextField();
        reason.setId("tier-pin-reason");
        reason.setPromptText(m.get("tier.profile.pinReason"));
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button pin = new Button(m.get("tier.profile.pin"), new FontIcon(MaterialDesignP.PIN_OUTLINE));
        pin.setId("tier-pin");
        pin.setOnAction(e -> vm.pin(tier.getValue(), reason.getText(), invalid -> {
            reason.pseudoClassStateChanged(Styles.STATE_DANGER, true);
            reason.requestFocus();
        }));
        HBox pinRow = new HBox(8, tier, reason, pin);
        pinRow.setAlignment(Pos.CENTER_LEFT);

        Label historyTitle = new Label(m.get("tier.profile.history"));
        historyTitle.getStyleClass().add(Styles.TEXT_MUTED);
        VBox history = new VBox(2);
        history.setId("tier-history");

        Runnable refresh = () -> {
            var p = vm.pinProperty().get();
            pinnedRow.setVisible(p != null);
            pinnedRow.setManaged(p != null);
            pinRow.setVisible(p == null);
            pinRow.setManaged(p == null);
            if (p != null) {
                pinned.setText(m.get("tier.profile.pinned", m.get("customers.tier." + p.tier())) + " — " + p.reason());
            }
            history.getChildren().clear();
            if (vm.history().isEmpty()) {
                history.getChildren().add(new Label(m.get("tier.profile.noHistory")));
            }
            for (TierChange c : vm.history()) {
                String text = m.get("tier.profile.row", c.at().toLocalDate().toString(), name(m, c.from()), name(m, c.to()),
                        m.get("tier.reason." + c.reason())) + (c.note() == null ? "" : " " + c.note());
                history.getChildren().add(new Label(text));
            }
        };
        vm.pinProperty().addListener(o -> refresh.run());
        vm.history().addListener((javafx.collections.ListChangeListener<TierChange>) c -> refresh.run());
        refresh.run();
        root.getChildren().addAll(pinnedRow, pinRow, historyTitle, history);
    }

    private static String name(Messages m, String tier) {
        return tier == null ? m.get("tier.none") : m.get("customers.tier." + tier);
    }

    public Node node() {
        return root;
    }
}
