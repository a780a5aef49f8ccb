package com.fankeep.ui.tiers;

import atlantafx.base.theme.Styles;
import com.fankeep.core.shared.Messages;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.beans.property.StringProperty;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** Settings → Customer tiers: one row per tier (its thresholds and how many it would hold), the rates, save. */
public final class TierSettingsSection {

    private TierSettingsSection() {
    }

    public static Node build(TierSettingsViewModel vm, Messages m) {
        GridPane grid = new GridPane(10, 8);
        grid.setId("tier-settings-grid");
        int row = 0;
        header(grid, m);
        row++;
        row = tierRow(grid, row, vm, m, "iron_fan", "ironMinOrders", "tier.settings.orders", "ironMinSpend", "ironWithinDays",
                "tier.settings.within");
        row = tierRow(grid, row, vm, m, "vip", "vipMinOrders", "tier.settings.orders", "vipMinSpend", "vipWithinDays",
                "tier.settings.within");
        row = tierRow(grid, row, vm, m, "new", "newMaxOrders", "tier.settings.maxOrders", null, "newWithinDays", "tier.settings.within");
        row = tierRow(grid, row, vm, m, "lapsed", null, null, null, "lapsedAfterDays", "tier.settings.after");
        Label regular = new Label(m.get("customers.tier.regular"));
        regular.getStyleClass().add(Styles.TEXT_BOLD);
        Label regularRule = new Label(m.get("tier.settings.regular"));
        regularRule.getStyleClass().add(Styles.TEXT_MUTED);
        grid.add(regular, 0, row);
        grid.add(regularRule, 1, row, 3, 1);
        grid.add(count(vm, "regular"), 4, row++);
        Label none = new Label(m.get("tier.none"));
        none.getStyleClass().add(Styles.TEXT_MUTED);
        grid.add(none, 0, row);
        grid.add(count(vm, "none"), 4, row);

        CheckBox referrals = new CheckBox(m.get("tier.settings.referrals"));
        referrals.setId("tier-referrals");
        referrals.selectedProperty().bindBidirectional(vm.countReferralsProperty());

        TextField main = field(vm.mainCurrencyProperty(), "tier-main-currency", 5);
        HBox mainRow = new HBox(8, new Label(m.get("tier.settings.mainCurrency")), main);
        mainRow.setAlignment(Pos.CENTER_LEFT);
        FlowPane rates = new FlowPane(14, 6);
        rates.setId("tier-rates");
        Runnable fillRates = () -> {
            rates.getChildren().clear();
            for (Map.Entry<String, StringProperty> e : vm.rates().entrySet()) {
                HBox one = new HBox(4, new Label(e.getKey()), field(e.getValue(), "tier-rate-" + e.getKey(), 6));
                one.setAlignment(Pos.CENTER_LEFT);
                rates.getChildren().add(one);
            }
        };
        fillRates.run();
        vm.currenciesProperty().addListener(o -> fillRates.run());
        Label ratesHint = muted(m.get("tier.settings.ratesHint"));
        Label recomputeHint = muted(m.get("tier.settings.recomputeHint"));

        Label problem = new Label();
        problem.setId("tier-settings-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.problemProperty());
        problem.setWrapText(true);

        Button save = new Button(m.get("tier.settings.save"), new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setId("tier-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.busyProperty().or(vm.problemProperty().isNotEmpty()));
        Button recompute = new Button(m.get("tier.settings.recompute"), new FontIcon(MaterialDesignR.REFRESH));
        recompute.setId("tier-recompute");
        recompute.setOnAction(e -> vm.recompute());
        recompute.disableProperty().bind(vm.busyProperty());
        Button defaults = new Button(m.get("tier.settings.reset"));
        defaults.setId("tier-defaults");
        defaults.setOnAction(e -> vm.defaults());
        HBox buttons = new HBox(8, save, recompute, defaults);
        Label status = new Label();
        status.setId("tier-settings-status");
        status.textProperty().bind(vm.statusProperty());
        Label moved = muted("");
        moved.setId("tier-moved");
        moved.textProperty().bind(vm.movedProperty());

        // a tier's name and its words never give way to the fields beside them
        grid.getChildren().stream().filter(n -> n instanceof Label)
                .forEach(n -> ((Label) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
        VBox content = new VBox(10, grid, referrals, mainRow, new Label(m.get("tier.settings.rates")), rates, ratesHint, problem,
                buttons, recomputeHint, status, moved);
        vm.load();
        return com.fankeep.ui.settings.SettingsView.section(MaterialDesignS.STAR_CIRCLE_OUTLINE, m.get("tier.settings.title"),
                m.get("tier.settings.hint"), content);
    }

    private static void header(GridPane grid, Messages m) {
        Label would = muted(m.get("tier.settings.preview"));
        grid.add(would, 4, 0);
    }

    private static int tierRow(GridPane grid, int row, TierSettingsViewModel vm, Messages m, String tier, String orders, String ordersKey,
                               String spend, String days, String daysKey) {
        Label name = new Label(m.get("customers.tier." + tier));
        name.getStyleClass().add(Styles.TEXT_BOLD);
        grid.add(name, 0, row);
        if (orders != null) {
            grid.add(labelled(m.get(ordersKey), field(vm.field(orders), "tier-" + orders, 4)), 1, row);
        }
        if (spend != null) {
            grid.add(labelled(m.get("tier.settings.spend"), field(vm.field(spend), "tier-" + spend, 7)), 2, row);
        }
        grid.add(labelled(m.get(daysKey), field(vm.field(days), "tier-" + days, 5)), 3, row);
        grid.add(count(vm, tier), 4, row);
        return row + 1;
    }

    private static Node labelled(String text, TextField field) {
        HBox box = new HBox(4, muted(text), field);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label count(TierSettingsViewModel vm, String tier) {
        Label l = new Label();
        l.setId("tier-preview-" + tier);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        l.textProperty().bind(vm.preview(tier));
        return l;
    }

    private static TextField field(StringProperty value, String id, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        return l;
    }
}
