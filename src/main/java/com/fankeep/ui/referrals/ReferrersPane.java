package com.fankeep.ui.referrals;

import atlantafx.base.theme.Styles;
import com.fankeep.core.referral.ReferralNode;
import com.fankeep.core.referral.ReferralService;
import com.fankeep.core.referral.TopReferrer;
import com.fankeep.core.shared.MoneyText;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Tables;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Top referrers: who brought the most customers (or the customers who spent most), with the count and those
 * customers' net spend per currency; choosing one lists whom they brought. Changes are made on the Customers page
 * (bulk "referred by") or the profile.
 */
public final class ReferrersPane {

    private final VBox root;

    public ReferrersPane(ReferrersViewModel vm, Messages m) {
        TableView<TopReferrer> table = new TableView<>(vm.top());
        table.setId("referrers-table");
        table.setPlaceholder(new Label(m.get("referrals.top.empty")));
        table.getColumns().setAll(List.of(
                Tables.fixed(column(m.get("referrals.top.rank"), r -> String.valueOf(vm.top().indexOf(r) + 1)), "100"),
                Tables.flexible(column(m.get("referrals.top.referrer"), r -> (r.name() == null ? "" : r.name() + " ") + "#" + r.id()), 160, 160),
                Tables.fixed(column(m.get("referrals.top.referred"), r -> String.valueOf(r.referred())), "100000"),
                Tables.flexible(column(m.get("referrals.top.spend"), r -> r.referredSpend().isEmpty() ? "—"
                        : MoneyText.format(r.referredSpend())), 160, 220)));
        Tables.fit(table, "referrers");
        VBox.setVgrow(table, Priority.ALWAYS);

        Label title = new Label(m.get("referrals.top.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        ToggleGroup by = new ToggleGroup();
        ToggleButton byCount = new ToggleButton(m.get("referrals.top.byReferred"));
        byCount.setId("referrers-by-referred");
        ToggleButton bySpend = new ToggleButton(m.get("referrals.top.bySpend"));
        bySpend.setId("referrers-by-spend");
        byCount.setToggleGroup(by);
        bySpend.setToggleGroup(by);
        byCount.setSelected(true);
        by.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two stays chosen
            } else {
                vm.rank().set(now == bySpend ? ReferralService.Rank.SPEND : ReferralService.Rank.REFERRED);
            }
        });
        HBox head = new HBox(12, title, byCount, bySpend);
        head.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label(m.get("referrals.top.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        Label brought = new Label();
        brought.setId("referrers-brought");
        brought.setWrapText(true);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            brought.setText("");
            if (now != null) {
                vm.referred(now.id(), kids -> {
                    if (now == table.getSelectionModel().getSelectedItem()) {
                        brought.setText(m.get("referrals.top.brought", label(now), names(kids)));
                    }
                });
            }
        });
        root = new VBox(8, head, hint, table, brought);
        root.setPadding(new javafx.geometry.Insets(8, 12, 8, 12));
    }

    public Node node() {
        return root;
    }

    private static String label(TopReferrer r) {
        return r.name() == null ? "#" + r.id() : r.name();
    }

    private static String names(List<ReferralNode> kids) {
        return String.join(", ", kids.stream().map(k -> (k.name() == null ? "" : k.name() + " ") + "#" + k.id()).toList());
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }
}
