package com.fankeep.ui.campaigns;

import atlantafx.base.theme.Styles;
import com.fankeep.core.campaign.Campaign;
import com.fankeep.core.campaign.CampaignBoard;
import com.fankeep.core.campaign.CampaignEntry;
import com.fankeep.core.campaign.CampaignReport;
import com.fankeep.core.campaign.CampaignStatus;
import com.fankeep.core.campaign.ClaimCandidate;
import com.fankeep.core.campaign.EntryState;
import com.fankeep.core.campaign.ShippingLayout;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Tables;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;

/**
 * Gift campaigns: the campaigns on the left (status, stock left, claims, cost so far); on the right the chosen one's
 * board — counts per state, the stock bar, quick claim, entries with their actions, the waitlist, the shipping list
 * out and tracking numbers back — a form for a new campaign, and the results of all campaigns side by side.
 */
public final class CampaignsView {

    public static final Ikon ICON = MaterialDesignG.GIFT_OUTLINE;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final CampaignsViewModel vm;
    private final Messages m;
    private final TabPane tabs = new TabPane();
    private final HBox root;

    public CampaignsView(CampaignsViewModel vm, Messages m) {
        this.vm = vm;
        this.m = m;
        tabs.setId("campaign-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab boardTab = new Tab(m.get("campaigns.tab.board"), boardPane());
        Tab newTab = new Tab(m.get("campaigns.tab.new"), new CampaignForm(vm, m).node());
        newTab.setId("campaign-tab-new");
        Tab results = new Tab(m.get("campaigns.tab.results"), resultsPane());
        results.setOnSelectionChanged(e -> {
            if (results.isSelected()) {
                vm.loadComparison();
            }
        });
        tabs.getTabs().setAll(boardTab, newTab, results);
        vm.boardProperty().addListener((o, was, now) -> {
            if (now != null && was == null) {
                tabs.getSelectionModel().select(boardTab);
            }
        });
        HBox.setHgrow(tabs, Priority.ALWAYS);
        root = new HBox(12, listPane(), tabs);
        root.getStyleClass().add("campaigns-page");
        root.setPadding(new javafx.geometry.Insets(16, 16, 12, 16)); // as Launches: the list does not touch the sidebar
        vm.refresh();
    }

    public Node node() {
        return root;
    }

    private Node listPane() {
        ListView<Campaign> list = new ListView<>(vm.campaigns());
        list.setId("campaign-list");
        list.setPlaceholder(new Label(m.get("campaigns.list.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Campaign c, boolean empty) {
                super.updateItem(c, empty);
                setText(null);
                if (empty || c == null) {
                    setGraphic(null);
                    return;
                }
                Label name = new Label(c.name());
                name.getStyleClass().add(Styles.TEXT_BOLD);
                Label row = new Label(m.get("campaigns.list.row", m.get("campaigns.status." + c.status().code()),
                        c.stockLeft(), c.quantity(), c.claims(), money(c.costSoFar(), c.currency())));
                row.setWrapText(true);
                row.setPrefWidth(215); // wraps in the list's width instead of running off it
                row.setMinHeight(Region.USE_PREF_SIZE);
                VBox box = new VBox(2, name, row);
                name.setTooltip(new javafx.scene.control.Tooltip(c.name()));
                setGraphic(box);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            CampaignBoard b = vm.boardProperty().get();
            if (now != null && (b == null || b.campaign().id() != now.id())) {
                vm.select(now);
            }
        });
        vm.boardProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.campaigns().stream().filter(c -> c.id() == now.campaign().id()).findFirst()
                        .ifPresent(c -> list.getSelectionModel().select(c));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Label error = new Label();
        error.setId("campaign-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Label notice = new Label();
        notice.setId("campaign-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        VBox left = new VBox(8, list, error, notice);
        left.setPrefWidth(250);
        left.setMinWidth(Region.USE_PREF_SIZE);
        return left;
    }

    // --- board

    private Node boardPane() {
        Label title = new Label();
        title.setId("campaign-title");
        title.getStyleClass().add(Styles.TITLE_4);
        Button announce = new Button(m.get("campaigns.announce"));
        announce.setId("campaign-announce");
        announce.setOnAction(e -> vm.announce());
        Button toShipping = new Button(m.get("campaigns.toShipping"));
        toShipping.setOnAction(e -> vm.advance(CampaignStatus.SHIPPING));
        Button close = new Button(m.get("campaigns.close"));
        close.setOnAction(e -> vm.advance(CampaignStatus.CLOSED));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, title, grow, announce, toShipping, close);
        head.setAlignment(Pos.CENTER_LEFT);

        FlowPane counts = new FlowPane(14, 4);
        counts.setId("campaign-counts");
        ProgressBar stock = new ProgressBar(0);
        stock.setId("campaign-stock-bar");
        stock.setPrefWidth(220);
        Label stockText = new Label();
        stockText.setId("campaign-stock-text");
        HBox stockRow = new HBox(10, stock, stockText);
        stockRow.setAlignment(Pos.CENTER_LEFT);
        vm.boardProperty().addListener((o, was, b) -> {
            counts.getChildren().clear();
            if (b == null) {
                title.setText("");
                stockText.setText("");
                stock.setProgress(0);
                return;
            }
            Campaign c = b.campaign();
            title.setText(c.name() + " · " + m.get("campaigns.status." + c.status().code()));
            announce.setDisable(c.status() != CampaignStatus.DRAFT);
            toShipping.setDisable(c.status().ordinal() >= CampaignStatus.SHIPPING.ordinal());
            close.setDisable(c.status() == CampaignStatus.CLOSED);
            for (EntryState s : EntryState.values()) {
                int n = b.counts().getOrDefault(s, 0);
                if (n > 0 || s == EntryState.CLAIMED || s == EntryState.WAITLISTED) {
                    Label l = new Label(m.get("campaigns.state." + s.code()) + " " + n);
                    l.setId("campaign-count-" + s.code());
                    counts.getChildren().add(l);
                }
            }
            stock.setProgress(c.quantity() == 0 ? 0 : (c.quantity() - c.stockLeft()) / (double) c.quantity());
            stockText.setText(m.get("campaigns.stock", c.stockLeft(), c.quantity(), money(c.costSoFar(), c.currency()),
                    money(c.budget(), c.currency())));
        });

        VBox board = new VBox(8, head, counts, stockRow, quickClaim(), entriesAndWaitlist(), entryActions(), shippingRow(), reportLabel());
        board.setId("campaign-board");
        board.setFillWidth(true);
        Node empty = new com.fankeep.ui.common.EmptyState(ICON, m.get("campaigns.empty.title"), m.get("campaigns.empty.body"))
                .action(m.get("campaigns.empty.action"), () -> tabs.getSelectionModel().select(1)).node();
        javafx.beans.binding.BooleanBinding none = vm.boardProperty().isNull();
        empty.visibleProperty().bind(none);
        board.visibleProperty().bind(none.not());
        return new StackPane(board, empty);
    }

    private Node quickClaim() {
        TextField query = new TextField();
        query.setId("campaign-claim-search");
        query.setPromptText(m.get("campaigns.claim.search"));
        query.textProperty().addListener((o, was, now) -> vm.findCustomers(now));
        ComboBox<ClaimCandidate> who = new ComboBox<>(vm.candidates());
        who.setId("campaign-claim-who");
        who.setPrefWidth(240);
        who.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClaimCandidate c) {
                return c == null ? "" : c.name() + " #" + c.customerId() + " · " + (c.state() == null ? m.get("campaigns.claim.outside")
                        : m.get("campaigns.state." + c.state().code()));
            }

            @Override
            public ClaimCandidate fromString(String s) {
                return null;
            }
        });
        vm.candidates().addListener((javafx.collections.ListChangeListener<ClaimCandidate>) ch -> {
            if (!vm.candidates().isEmpty()) {
                who.getSelectionModel().selectFirst();
            }
        });
        ComboBox<String> channel = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("wechat", "qq", "phone",
                "in_person", "other"));
        channel.setId("campaign-claim-channel");
        channel.getSelectionModel().selectFirst();
        channel.setConverter(new StringConverter<>() {
            @Override
            public String toString(String c) {
                return c == null ? "" : m.get("campaigns.channel." + c);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        Button claim = new Button(m.get("campaigns.claim"));
        claim.setId("campaign-claim");
        claim.getStyleClass().add(Styles.ACCENT);
        claim.disableProperty().bind(who.valueProperty().isNull());
        claim.setOnAction(e -> vm.claim(who.getValue(), channel.getValue()));
        HBox.setHgrow(query, Priority.ALWAYS);
        HBox row = new HBox(8, query, who, channel, claim);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private TableView<CampaignEntry> table;
    private final ListView<CampaignEntry> waiting = new ListView<>();

    private Node entriesAndWaitlist() {
        table = new TableView<>(vm.entries());
        table.setId("campaign-entries");
        table.setPlaceholder(new Label(m.get("campaigns.entries.empty")));
        table.getColumns().add(column("campaigns.col.name", CampaignEntry::customerName));
        table.getColumns().add(column("campaigns.col.tier", e -> e.tier() == null ? "" : m.get("customers.tier." + e.tier())));
        table.getColumns().add(column("campaigns.col.state", e -> m.get("campaigns.state." + e.state().code())
                + (e.outsideAudience() ? " *" : "")));
        table.getColumns().add(column("campaigns.col.claimed", e -> e.claimedAt() == null ? ""
                : WHEN.format(e.claimedAt().atZoneSameInstant(ZoneId.systemDefault())) + " "
                + (e.claimChannel() == null ? "" : m.get("campaigns.channel." + e.claimChannel()))));
        table.getColumns().add(column("campaigns.col.address", e -> e.address().receiver() == null ? "" : e.address().receiver()
                + " " + e.address().full()));
        table.getColumns().add(column("campaigns.col.tracking", e -> e.trackingNo() == null ? ""
                : (e.carrier() == null ? "" : e.carrier() + " ") + e.trackingNo()));
        Tables.fit(table, "campaign-entries");
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox.setHgrow(table, Priority.ALWAYS);

        waiting.setItems(vm.waitlist());
        waiting.setId("campaign-waitlist");
        waiting.setPlaceholder(new Label(m.get("campaigns.waitlist.empty")));
        waiting.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CampaignEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : (getIndex() + 1) + ". " + e.customerName()
                        + (e.tier() == null ? "" : " · " + m.get("customers.tier." + e.tier())));
            }
        });
        Label wl = new Label(m.get("campaigns.waitlist"));
        wl.getStyleClass().add(Styles.TEXT_BOLD);
        VBox.setVgrow(waiting, Priority.ALWAYS);
        VBox side = new VBox(4, wl, waiting);
        side.setPrefWidth(170);
        side.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, table, side);
        VBox.setVgrow(row, Priority.ALWAYS);
        row.setMinHeight(150);
        return row;
    }

    private TableColumn<CampaignEntry, String> column(String key, Function<CampaignEntry, String> value) {
        TableColumn<CampaignEntry, String> c = new TableColumn<>(m.get(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> readable());
        return c;
    }

    private Node entryActions() {
        TextField carrier = new TextField();
        carrier.setId("campaign-ship-carrier");
        carrier.setPromptText(m.get("campaigns.ship.carrier"));
        carrier.setPrefColumnCount(7);
        TextField tracking = new TextField();
        tracking.setId("campaign-ship-tracking");
        tracking.setPromptText(m.get("campaigns.ship.tracking"));
        tracking.setPrefColumnCount(10);
        Button ship = new Button(m.get("campaigns.ship"));
        ship.setOnAction(e -> vm.ship(selected(), carrier.getText(), tracking.getText()));
        Button delivered = new Button(m.get("campaigns.delivered"));
        delivered.setOnAction(e -> vm.delivered(selected()));
        Button thanked = new Button(m.get("campaigns.thanked"));
        thanked.setOnAction(e -> vm.thanked(selected()));
        Button cancel = new Button(m.get("campaigns.cancel"));
        cancel.setId("campaign-cancel");
        cancel.setOnAction(e -> vm.cancel(selected()));
        Button address = new Button(m.get("campaigns.address"));
        address.setOnAction(e -> {
            CampaignEntry en = selected();
            if (en != null) {
                AddressDialog.ask(m, en.address(), root.getScene() == null ? null : root.getScene().getWindow())
                        .ifPresent(a -> vm.saveAddress(en, a));
            }
        });
        for (Button b : new Button[] {ship, delivered, thanked, cancel, address}) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        HBox row = new HBox(6, address, carrier, tracking, ship, delivered, thanked, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private CampaignEntry selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    private Node shippingRow() {
        ComboBox<String> layout = new ComboBox<>(vm.layouts());
        layout.setId("campaign-layout");
        layout.getSelectionModel().selectFirst();
        vm.layouts().addListener((javafx.collections.ListChangeListener<String>) ch -> {
            if (layout.getValue() == null) {
                layout.getSelectionModel().selectFirst();
            }
        });
        layout.setTooltip(new javafx.scene.control.Tooltip(m.get("campaigns.layout.tip")));
        layout.setConverter(new StringConverter<>() {
            @Override
            public String toString(String l) {
                return l == null ? "" : ShippingLayout.isBuiltInCode(l) ? m.get("campaigns.layout." + l)
                        : m.get("campaigns.layout.saved", l);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        CheckBox mask = new CheckBox(m.get("campaigns.maskPhones"));
        mask.setId("campaign-mask");
        Button export = new Button(m.get("campaigns.export"));
        export.setId("campaign-export");
        export.setOnAction(e -> vm.exportShippingList(layout.getValue(), mask.isSelected()));
        Button tracking = new Button(m.get("campaigns.tracking"));
        tracking.setId("campaign-tracking");
        tracking.setOnAction(e -> vm.importTracking());
        HBox row = new HBox(8, layout, mask, export, tracking);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node reportLabel() {
        Label l = new Label();
        l.setId("campaign-report");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        vm.reportProperty().addListener((o, was, r) -> l.setText(r == null ? "" : m.get("campaigns.report", r.days(),
                r.participants(), r.ordersPerParticipant().toPlainString(), money(r.netPerParticipant(), r.currency()),
                r.comparisonOrdersPerCustomer().toPlainString(), money(r.comparisonNetPerCustomer(), r.currency()))));
        return l;
    }

    // --- results side by side

    private Node resultsPane() {
        TableView<CampaignReport> t = new TableView<>(vm.reports());
        t.setId("campaign-results");
        t.getColumns().add(rcol("campaigns.col.campaign", CampaignReport::name));
        t.getColumns().add(rcol("campaigns.col.claims", r -> r.claimed() + " / " + r.invited()));
        t.getColumns().add(rcol("campaigns.col.cost", r -> money(r.cost(), r.currency()) + " / " + money(r.budget(), r.currency())));
        t.getColumns().add(rcol("campaigns.col.shipped", r -> r.shipped() + " / " + r.delivered()));
        t.getColumns().add(rcol("campaigns.col.after", r -> r.ordersPerParticipant().toPlainString() + " · "
                + money(r.netPerParticipant(), r.currency())));
        t.getColumns().add(rcol("campaigns.col.others", r -> r.comparisonOrdersPerCustomer().toPlainString() + " · "
                + money(r.comparisonNetPerCustomer(), r.currency())));
        Tables.fit(t, "campaign-results");
        Label note = new Label(m.get("campaigns.results.note", CampaignsViewModel.REPORT_DAYS));
        note.setWrapText(true);
        VBox.setVgrow(t, Priority.ALWAYS);
        return new VBox(8, note, t);
    }

    private static TableColumn<CampaignReport, String> rcol(String key, Function<CampaignReport, String> value, Messages m) {
        TableColumn<CampaignReport, String> c = new TableColumn<>(m.get(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> readable());
        return c;
    }

    /** A text cell whose whole text is in its tooltip (addresses and tracking numbers are longer than the column). */
    private static <S> javafx.scene.control.TableCell<S, String> readable() {
        return new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new javafx.scene.control.Tooltip(text));
            }
        };
    }

    private TableColumn<CampaignReport, String> rcol(String key, Function<CampaignReport, String> value) {
        return rcol(key, value, m);
    }

    static String money(BigDecimal amount, String currency) {
        return ("CNY".equals(currency) ? "¥" : currency + " ") + amount.toPlainString();
    }
}
