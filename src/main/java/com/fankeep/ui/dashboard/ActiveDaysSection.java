package com.fankeep.ui.dashboard;

import com.fankeep.core.insight.DashboardService;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.settings.SettingsView;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Settings page's "Dashboard" section: how many days since the last order still count as active. */
public final class ActiveDaysSection {

    private ActiveDaysSection() {
    }

    public static Node build(ActiveDaysViewModel vm, Messages m) {
        Spinner<Integer> days = new Spinner<>(1, DashboardService.MAX_ACTIVE_DAYS, vm.days().get(), 30);
        days.setId("settings-active-days");
        days.setEditable(true);
        days.setPrefWidth(110);
        vm.days().addListener((o, was, now) -> days.getValueFactory().setValue(now.intValue()));
        Button save = new Button(m.get("dashboard.settings.save"));
        save.setId("settings-active-days-save");
        save.setOnAction(e -> {
            days.increment(0); // takes a typed value that was not yet confirmed with Enter
            vm.save(days.getValue());
        });
        Label name = new Label(m.get("dashboard.settings.activeDays"));
        name.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, name, days, save);
        row.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("settings-active-days-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.status());
        vm.load();
        return SettingsView.section(DashboardView.ICON, m.get("dashboard.settings.title"), m.get("dashboard.settings.hint"),
                new VBox(10, row, status));
    }
}
