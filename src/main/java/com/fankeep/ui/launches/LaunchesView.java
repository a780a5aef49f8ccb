package com.fankeep.ui.launches;

import atlantafx.base.theme.Styles;
import com.fankeep.core.launch.Launch;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.EmptyState;
import com.fankeep.ui.common.Shown;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * Limited launches (playbook "不要急着销售"): the launches on the left; on the right the chosen one's phases on a
 * timeline, the warm-up votes, the first batch's requests, the fair allocation, its orders and the report, and a form
 * for a new launch. The nodes are built once; data changes only refill them.
 */
public final class LaunchesView {

    public static final Ikon ICON = MaterialDesignR.ROCKET_LAUNCH_OUTLINE;

    private final LaunchesViewModel vm;
    private final Messages m;
    private final TabPane tabs = new TabPane();
    private final HBox root;

    public LaunchesView(LaunchesViewModel vm, Messages m) {
        this.vm = vm;
        this.m = m;
        tabs.setId("launch-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab newTab = tab("new", new LaunchForm(vm, m).node());
        tabs.getTabs().setAll(
                tab("phases", chosen(new PhasesPane(vm, m).node(), newTab)),
                tab("votes", chosen(new VotesPane(vm, m).node(), newTab)),
                tab("reservations", chosen(new ReservationsPane(vm, m).node(), newTab)),
                tab("allocation", chosen(new AllocationPane(vm, m).node(), newTab)),
                tab("orders", chosen(new OrdersPane(vm, m).node(), newTab)),
                tab("trial", chosen(new TrialPane(vm, m).node(), newTab)),
                tab("report", chosen(new ReportPane(vm, m).node(), newTab)),
                newTab);
        vm.launchProperty().addListener((o, was, now) -> {
            if (now != null && (was == null || was.id() != now.id()) && tabs.getSelectionModel().getSelectedItem() == newTab) {
                tabs.getSelectionModel().selectFirst();
            }
        });
        HBox.setHgrow(tabs, Priority.ALWAYS);
        root = new HBox(12, listPane(), tabs);
        root.getStyleClass().add("launches-page");
        root.setPadding(new javafx.geometry.Insets(16, 16, 12, 16));
        vm.refresh();
    }

    public Node node() {
        return root;
    }

    private Tab tab(String key, Node content) {
        Tab t = new Tab(m.get("launches.tab." + key), content);
        t.setId("launch-tab-" + key);
        return t;
    }

    /** A launch's pane, or the way to make the first launch while there is none. */
    private Node chosen(Node pane, Tab newTab) {
        Node empty = new EmptyState(ICON, m.get("launches.empty.title"), m.get("launches.empty.body"))
                .action(m.get("launches.empty.action"), () -> tabs.getSelectionModel().select(newTab)).node();
        BooleanBinding none = vm.launchProperty().isNull();
        empty.visibleProperty().bind(none);
        pane.visibleProperty().bind(none.not());
        StackPane stack = new StackPane(pane, empty);
        stack.setPadding(new javafx.geometry.Insets(8, 0, 0, 0));
        return stack;
    }

    private Node listPane() {
        ListView<Launch> list = new ListView<>(vm.launches());
        list.setId("launch-list");
        list.setPlaceholder(new Label(m.get("launches.list.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Launch l, boolean empty) {
                super.updateItem(l, empty);
                setText(null);
                if (empty || l == null) {
                    setGraphic(null);
                    return;
                }
                Label name = new Label(l.name());
                name.getStyleClass().add(Styles.TEXT_BOLD);
                // no "planned – units" while the owner has not planned a quantity
                Label row = new Label(l.plannedQuantity() == null
                        ? m.get("launches.list.rowNoPlan", l.product(), m.get("launches.status." + l.status()))
                        : m.get("launches.list.row", l.product(), m.get("launches.status." + l.status()), l.plannedQuantity()));
                row.setWrapText(true);
                row.setPrefWidth(195);
                row.setMinHeight(Region.USE_PREF_SIZE);
                setGraphic(new VBox(2, name, row));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            Launch shown = vm.launchProperty().get();
            if (now != null && (shown == null || shown.id() != now.id())) {
                vm.select(now);
            }
        });
        vm.launchProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.launches().stream().filter(l -> l.id() == now.id()).findFirst().ifPresent(l -> list.getSelectionModel().select(l));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Label error = new Label();
        error.setId("launch-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(vm.errorProperty());
        Label notice = new Label();
        notice.setId("launch-notice");
        notice.setWrapText(true);
        notice.setMinHeight(Region.USE_PREF_SIZE);
        notice.textProperty().bind(vm.noticeProperty());
        VBox left = new VBox(8, list, error, notice);
        left.setPrefWidth(230);
        left.setMinWidth(Region.USE_PREF_SIZE);
        return left;
    }

    /** A row of inputs where only the text fields give way when it is short: labels and buttons keep their text whole. */
    static HBox row(Node... nodes) {
        for (Node n : nodes) {
            if (n instanceof Region r && !(n instanceof javafx.scene.control.TextField)) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        HBox row = new HBox(8, nodes);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    static ComboBox<String> channels(Messages m, String id) {
        ComboBox<String> c = new ComboBox<>(FXCollections.observableArrayList("wechat", "qq", "phone", "in_person", "other"));
        c.setId(id);
        c.getSelectionModel().selectFirst();
        c.setConverter(Shown.as(k -> m.get("launches.channel." + k)));
        return c;
    }
}
