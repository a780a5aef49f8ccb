package com.fankeep.ui.groups;

import atlantafx.base.theme.Styles;
import com.fankeep.core.group.CityFans;
import com.fankeep.core.shared.Messages;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/** City circles: where the fans live, best place for a meet-up first; one click makes an offline circle. */
final class CitiesPane {

    private final VBox root;

    CitiesPane(GroupsViewModel vm, Messages m) {
        TableView<CityFans> table = new TableView<>(vm.cities());
        table.setId("cities-table");
        table.setPlaceholder(new Label(m.get("groups.cities.empty")));
        table.getColumns().setAll(List.of(
                GroupsView.column(m.get("groups.cities.city"), (CityFans c) -> c.city(), 120),
                GroupsView.column(m.get("groups.cities.province"), (CityFans c) -> c.province() == null ? "" : c.province(), 100),
                GroupsView.column(m.get("groups.tier.iron_fan"), (CityFans c) -> String.valueOf(c.ironFans()), 70),
                GroupsView.column(m.get("groups.tier.vip"), (CityFans c) -> String.valueOf(c.vips()), 70),
                GroupsView.column(m.get("groups.cities.customers"), (CityFans c) -> String.valueOf(c.customers()), 80),
                GroupsView.column(m.get("groups.cities.districts"), (CityFans c) -> String.join(" · ", c.districts().stream().limit(6)
                        .map(d -> m.get("groups.cities.district", d.district(), d.ironFans(), d.vips(), d.customers())).toList()), 420)));
        com.fankeep.ui.common.Tables.fit(table, "cities");
        VBox.setVgrow(table, Priority.ALWAYS);
        Label title = new Label(m.get("groups.cities.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label(m.get("groups.cities.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        Button make = new Button(m.get("groups.cities.make"), new FontIcon(MaterialDesignM.MAP_MARKER_RADIUS_OUTLINE));
        make.setId("cities-make-circle");
        make.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        make.setOnAction(e -> vm.makeCircle(table.getSelectionModel().getSelectedItem()));
        Label notice = new Label();
        notice.setId("cities-notice");
        notice.textProperty().bind(vm.noticeProperty());
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        HBox head = new HBox(12, title, make, notice, error);
        head.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(8, head, hint, table);
    }

    Node node() {
        return root;
    }
}
