package com.fankeep.ui.groups;

import atlantafx.base.theme.Styles;
import com.fankeep.core.export.ExportKind;
import com.fankeep.core.group.FanGroup;
import com.fankeep.core.group.GroupKind;
import com.fankeep.core.group.GroupMember;
import com.fankeep.core.group.GroupRole;
import com.fankeep.core.group.InviteCandidate;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.template.MessageTemplate;
import com.fankeep.ui.common.Shown;
import com.fankeep.ui.interaction.FollowUpDialog;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * Fan groups: the groups on the left; the chosen one's capacity bar, members (tier, last order, last interaction,
 * role) with bulk actions, and its invite list on the right. A second tab ranks cities by the fans living there and
 * makes an offline circle from one in a click; a third ranks the top referrers.
 */
public final class GroupsView {

    public static final Ikon ICON = MaterialDesignA.ACCOUNT_GROUP_OUTLINE;

    private final GroupsViewModel vm;
    private final Messages m;
    private final ObservableList<MessageTemplate> templates;
    private final TabPane root = new TabPane();
    private final TableView<GroupMember> members = new TableView<>();
    private final TableView<InviteCandidate> invites = new TableView<>();

    private final Runnable importOrders;

    /**
     * @param templates    message templates offered when scheduling a follow-up
     * @param importOrders the next step offered while there is no group yet
     */
    public GroupsView(GroupsViewModel vm, Messages m, ObservableList<MessageTemplate> templates, Runnable importOrders) {
        this.vm = vm;
        this.m = m;
        this.templates = templates;
        this.importOrders = importOrders;
        root.setId("groups-tabs");
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab groupsTab = new Tab(m.get("groups.tab.groups"), groupsPage());
        Tab citiesTab = new Tab(m.get("groups.tab.cities"), new CitiesPane(vm, m).node());
        citiesTab.setId("groups-tab-cities");
        citiesTab.setOnSelectionChanged(e -> {
            if (citiesTab.isSelected()) {
                vm.loadCities();
            }
        });
        root.getTabs().setAll(groupsTab, citiesTab);
        if (vm.referrers() != null) {
            Tab referrersTab = new Tab(m.get("referrals.tab"), new com.fankeep.ui.referrals.ReferrersPane(vm.referrers(), m).node());
            referrersTab.setId("groups-tab-referrers");
            referrersTab.setOnSelectionChanged(e -> {
                if (referrersTab.isSelected()) {
                    vm.referrers().load();
                }
            });
            root.getTabs().add(referrersTab);
        }
        vm.refresh();
    }

    public Node node() {
        return root;
    }

    private Node groupsPage() {
        ListView<FanGroup> list = new ListView<>(vm.groups());
        list.setId("groups-list");
        list.setPlaceholder(new Label(m.get("groups.list.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(FanGroup g, boolean empty) {
                super.updateItem(g, empty);
                setText(empty || g == null ? null : g.name() + " · " + m.get("groups.kind." + g.kind().code()) + " · "
                        + g.members() + (g.capacity() == null ? "" : "/" + g.capacity()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && (vm.selectedProperty().get() == null || vm.selectedProperty().get().id() != now.id()
                    || vm.selectedProperty().get() != now)) {
                vm.select(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else {
                vm.groups().stream().filter(g -> g.id() == now.id()).findFirst().ifPresent(g -> list.getSelectionModel().select(g));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox left = new VBox(8, list, createForm());
        left.setPrefWidth(300);
        left.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the detail beside it grows, the form keeps its width

        VBox detail = detail();
        // no group yet: what groups are for, and the way to fans (the form on the left makes the first group)
        Node empty = new com.fankeep.ui.common.EmptyState(ICON, m.get("groups.empty.title"), m.get("groups.empty.body"))
                .action(m.get("groups.empty.action"), importOrders).node();
        javafx.beans.binding.BooleanBinding none = Bindings.isEmpty(vm.groups());
        empty.visibleProperty().bind(none);
        detail.visibleProperty().bind(none.not());
        javafx.scene.layout.StackPane right = new javafx.scene.layout.StackPane(detail, empty);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox page = new HBox(12, left, right);
        page.getStyleClass().add("groups-page");
        return page;
    }

    private Node createForm() {
        Label heading = new Label(m.get("groups.new"));
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        TextField name = new TextField();
        name.setId("group-new-name");
        name.setPromptText(m.get("groups.new.name"));
        ComboBox<GroupKind> kind = new ComboBox<>();
        kind.setId("group-new-kind");
        kind.getItems().setAll(GroupKind.values());
        kind.setConverter(Shown.as(k -> m.get("groups.kind." + k.code())));
        kind.setValue(GroupKind.WECHAT);
        kind.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ComboBox<String> capacity = capacityBox(kind.getValue());
        capacity.setId("group-new-capacity");
        kind.valueProperty().addListener((o, was, now) -> presets(capacity, now));
        TextField eligible = new TextField();
        eligible.setId("group-new-eligible");
        // said above the field, not as its prompt: the form is narrow and a prompt cannot wrap
        Label eligibleLabel = new Label(m.get("groups.new.eligible"));
        eligibleLabel.setWrapText(true);
        eligibleLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // two lines in English, not "… or a rul..."
        eligibleLabel.setLabelFor(eligible);
        eligibleLabel.getStyleClass().add(Styles.TEXT_MUTED);
        Button create = new Button(m.get("groups.new.create"), new FontIcon(MaterialDesignA.ACCOUNT_MULTIPLE_PLUS_OUTLINE));
        create.setId("group-create");
        create.disableProperty().bind(name.textProperty().isEmpty());
        create.setOnAction(e -> {
            vm.create(name.getText(), kind.getValue(), capacity(capacity), eligible.getText());
            name.clear();
        });
        return new VBox(6, heading, name, new HBox(6, kind, capacity), eligibleLabel, eligible, create);
    }

    private ComboBox<String> capacityBox(GroupKind kind) {
        ComboBox<String> box = new ComboBox<>();
        box.setEditable(true);
        box.setPrefWidth(130);
        box.setPromptText(m.get("groups.capacity.none"));
        presets(box, kind);
        return box;
    }

    /** WeChat 500; QQ by level 200 … 3000 (unconfirmed figures, so only offered); free for the others. */
    private static void presets(ComboBox<String> box, GroupKind kind) {
        box.getItems().setAll(kind.presets().stream().map(String::valueOf).toList());
        box.setValue(kind.defaultCapacity() == null ? "" : String.valueOf(kind.defaultCapacity()));
    }

    private static Integer capacity(ComboBox<String> box) {
        String t = box.getEditor().getText() == null ? "" : box.getEditor().getText().strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            return -1; // refused by the service with a clear message
        }
    }

    private VBox detail() {
        Label title = new Label();
        title.setId("group-title");
        title.getStyleClass().add(Styles.TITLE_3);
        Label info = new Label();
        info.setId("group-info");
        info.getStyleClass().add(Styles.TEXT_MUTED);
        ProgressBar bar = new ProgressBar(0);
        bar.setId("group-capacity-bar");
        bar.setPrefWidth(260);
        Label barText = new Label();
        barText.setId("group-capacity-text");
        java.util.function.Consumer<FanGroup> showGroup = g -> {
            title.setText(g == null ? m.get("groups.none") : g.name());
            info.setText(g == null ? "" : m.get("groups.kind." + g.kind().code())
                    + (g.eligibleSegment() == null ? "" : " · " + m.get("groups.eligible", g.eligibleSegment()))
                    + (g.city() == null ? "" : " · " + g.city()));
            bar.setProgress(g == null || g.capacity() == null ? 0 : (double) g.members() / g.capacity());
            bar.setVisible(g != null && g.capacity() != null);
            bar.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("full"), g != null && g.capacity() != null && g.free() == 0);
            barText.setText(g == null ? "" : g.capacity() == null ? m.get("groups.capacity.unlimited", g.members())
                    : g.overCapacity() > 0 ? m.get("groups.capacity.over", g.members(), g.capacity(), g.overCapacity())
                    : m.get("groups.capacity.text", g.members(), g.capacity(), g.free()));
        };
        vm.selectedProperty().addListener((o, was, g) -> showGroup.accept(g));
        // the page is built anew when the language changes while a group stays selected: show it, not "Choose or create"
        showGroup.accept(vm.selectedProperty().get());
        HBox capacityRow = new HBox(10, bar, barText);
        capacityRow.setAlignment(Pos.CENTER_LEFT);

        TextField segment = new TextField();
        segment.setId("group-add-segment");
        segment.setPromptText(m.get("groups.addSegment.prompt"));
        HBox.setHgrow(segment, Priority.ALWAYS);
        Button addSegment = new Button(m.get("groups.addSegment"), new FontIcon(MaterialDesignA.ACCOUNT_MULTIPLE_PLUS));
        addSegment.setId("group-add-segment-button");
        addSegment.disableProperty().bind(vm.selectedProperty().isNull().or(segment.textProperty().isEmpty()));
        addSegment.setOnAction(e -> vm.addSegment(segment.getText()));
        HBox addRow = new HBox(6, segment, addSegment);

        Label error = new Label();
        error.setId("group-error");
        error.getStyleClass().addAll("field-error", Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Label notice = new Label();
        notice.setId("group-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        for (Label l : List.of(error, notice)) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }

        membersTable();
        VBox.setVgrow(members, Priority.ALWAYS);
        invitesTable();
        invites.setPrefHeight(200);
        Label invitesTitle = new Label(m.get("groups.invites"));
        invitesTitle.getStyleClass().add(Styles.TEXT_BOLD);
        invitesTitle.setWrapText(true);
        invitesTitle.setMinWidth(0);
        invitesTitle.setTooltip(new javafx.scene.control.Tooltip(invitesTitle.getText())); // its whole text where it is cut
        HBox.setHgrow(invitesTitle, Priority.ALWAYS);
        Button invite = new Button(m.get("groups.invites.add"));
        invite.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        invite.setId("group-invite-add");
        invite.disableProperty().bind(Bindings.isEmpty(invites.getSelectionModel().getSelectedItems()));
        invite.setOnAction(e -> vm.add(invites.getSelectionModel().getSelectedItems().stream().map(InviteCandidate::customerId).toList()));
        HBox invitesHead = new HBox(10, invitesTitle, invite);
        invitesHead.setAlignment(Pos.CENTER_LEFT);

        Button delete = new Button(m.get("groups.delete"));
        delete.setId("group-delete");
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        delete.setOnAction(e -> vm.delete());
        HBox head = new HBox(12, title, info, delete);
        head.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, head, capacityRow, editRow(), addRow, error, notice, members, bulkBar(), invitesHead, invites);
    }

    /** Capacity and eligibility of the chosen group, editable. */
    private Node editRow() {
        ComboBox<String> capacity = capacityBox(GroupKind.OTHER);
        capacity.setId("group-edit-capacity");
        TextField eligible = new TextField();
        eligible.setId("group-edit-eligible");
        eligible.setPromptText(m.get("groups.new.eligible"));
        HBox.setHgrow(eligible, Priority.ALWAYS);
        Button save = new Button(m.get("groups.save"));
        save.setId("group-save");
        save.disableProperty().bind(vm.selectedProperty().isNull());
        java.util.function.Consumer<FanGroup> show = g -> {
            if (g != null) {
                capacity.getItems().setAll(g.kind().presets().stream().map(String::valueOf).toList());
                capacity.setValue(g.capacity() == null ? "" : String.valueOf(g.capacity()));
                eligible.setText(g.eligibleSegment() == null ? "" : g.eligibleSegment());
            }
        };
        vm.selectedProperty().addListener((o, was, g) -> show.accept(g));
        // the page is built anew (language change, back from another page) with a group still chosen: show its values,
        // not "no limit" — which Save would then have written
        show.accept(vm.selectedProperty().get());
        save.setOnAction(e -> vm.update(vm.selectedProperty().get().name(), capacity(capacity), eligible.getText()));
        HBox row = new HBox(6, new Label(m.get("groups.capacity")), capacity, new Label(m.get("groups.eligibleLabel")), eligible, save);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void membersTable() {
        members.setId("group-members");
        members.setItems(vm.members());
        members.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        members.setPlaceholder(new Label(m.get("groups.members.empty")));
        members.getColumns().setAll(List.of(
                column(m.get("groups.col.name"), (GroupMember r) -> r.name() == null ? "—" : r.name(), 140),
                column(m.get("groups.col.role"), (GroupMember r) -> m.get("groups.role." + r.role().code()), 80),
                column(m.get("groups.col.tier"), (GroupMember r) -> tier(r.tier()), 80),
                column(m.get("groups.col.lastOrder"), (GroupMember r) -> day(r.lastOrderAt()), 100),
                column(m.get("groups.col.lastInteraction"), (GroupMember r) -> day(r.lastInteractionAt()), 110),
                column(m.get("groups.col.joined"), (GroupMember r) -> day(r.joinedAt()), 100),
                column(m.get("groups.col.state"), (GroupMember r) -> (r.leftAt() == null ? "" : m.get("groups.left.on", day(r.leftAt())))
                        + (r.eligibilityException() ? " " + m.get("groups.exception.mark") : ""), 140)));
        com.fankeep.ui.common.Tables.fit(members, "group-members"); // each header whole ("Last contact", not "Last cont…")
    }

    private void invitesTable() {
        invites.setId("group-invites");
        invites.setItems(vm.invites());
        invites.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        invites.setPlaceholder(new Label(m.get("groups.invites.empty")));
        invites.getColumns().setAll(List.of(
                column(m.get("groups.col.name"), (InviteCandidate r) -> r.name() == null ? "—" : r.name(), 140),
                column(m.get("groups.col.city"), (InviteCandidate r) -> r.city() == null ? "" : r.city(), 90),
                column(m.get("groups.col.tier"), (InviteCandidate r) -> tier(r.tier()), 80),
                column(m.get("groups.col.orders"), (InviteCandidate r) -> String.valueOf(r.orders()), 60),
                column(m.get("groups.col.spend"), (InviteCandidate r) -> spend(r.netSpend()), 160),
                column(m.get("groups.col.lastOrder"), (InviteCandidate r) -> day(r.lastOrderAt()), 100)));
        com.fankeep.ui.common.Tables.fit(invites, "group-invites");
    }

    private Node bulkBar() {
        BooleanBinding none = Bindings.isEmpty(members.getSelectionModel().getSelectedItems());
        Button schedule = new Button(m.get("customers.bulk.schedule"), new FontIcon(MaterialDesignC.CALENDAR_PLUS));
        schedule.setId("group-schedule");
        schedule.disableProperty().bind(none);
        schedule.setOnAction(e -> {
            List<Long> ids = selected();
            GroupsViewModel.ZoneIdHolder z = vm.zone();
            FollowUpDialog.open(root.getScene().getWindow(), m, m.get("customers.bulk.selected", ids.size()), z.today(), templates,
                    n -> vm.scheduleFollowUp(ids, n));
        });
        MenuButton export = new MenuButton(m.get("customers.export.button"), new FontIcon(MaterialDesignF.FILE_EXPORT_OUTLINE));
        export.setId("group-export");
        for (ExportKind kind : ExportKind.values()) {
            String key = kind.name().toLowerCase(Locale.ROOT);
            MenuItem item = new MenuItem(m.get("customers.export.as." + key));
            item.setId("group-export-" + key);
            item.setOnAction(e -> vm.export(kind, selected()));
            export.getItems().add(item);
        }
        export.disableProperty().bind(none);
        ComboBox<GroupRole> role = new ComboBox<>();
        role.setId("group-role");
        role.getItems().setAll(GroupRole.values());
        role.setConverter(Shown.as(r -> m.get("groups.role." + r.code())));
        role.setPromptText(m.get("groups.role.prompt"));
        Button setRole = new Button(m.get("groups.role.set"));
        setRole.setId("group-role-set");
        setRole.disableProperty().bind(none.or(role.valueProperty().isNull()));
        setRole.setOnAction(e -> vm.setRole(selected(), role.getValue()));
        Button left = new Button(m.get("groups.markLeft"));
        left.setId("group-mark-left");
        left.disableProperty().bind(none);
        left.setOnAction(e -> vm.markLeft(selected()));
        Button remove = new Button(m.get("groups.remove"));
        remove.setId("group-remove");
        remove.getStyleClass().add(Styles.DANGER);
        remove.disableProperty().bind(none);
        remove.setOnAction(e -> vm.remove(selected()));
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 6, schedule, export, role, setRole, left, remove);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private List<Long> selected() {
        return List.copyOf(members.getSelectionModel().getSelectedItems().stream().map(GroupMember::customerId).toList());
    }

    String tier(String tier) {
        return tier == null ? "—" : m.get("groups.tier." + tier);
    }

    static String day(OffsetDateTime t) {
        return t == null ? "—" : t.toLocalDate().toString();
    }

    static String spend(java.util.Map<String, java.math.BigDecimal> spend) {
        return spend.isEmpty() ? "—" : String.join(", ", new java.util.TreeMap<>(spend).entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,.2f", e.getValue())).toList());
    }

    static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
