package com.fankeep.ui.customers;

import com.fankeep.core.customer.CustomerFilter;
import com.fankeep.core.customer.CustomerRow;
import com.fankeep.core.customer.CustomerSort;
import com.fankeep.core.customer.UndoneEdit;
import com.fankeep.core.export.ExportKind;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.template.TemplateService;
import com.fankeep.ui.common.EmptyState;
import com.fankeep.ui.common.Tables;
import com.fankeep.ui.interaction.CustomerActivityViewModel;
import com.fankeep.ui.interaction.FollowUpDialog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * Customers: the list (search as you type, filters, sort by any column, bulk tag/untag and recovery state), and the
 * profile of the customer opened from it. Empty until the first import.
 */
public final class CustomersView {

    public static final Ikon ICON = MaterialDesignA.ACCOUNT_MULTIPLE_OUTLINE;
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);

    private final Messages m;
    private final CustomersViewModel vm;
    private final StackPane root = new StackPane();
    private final VBox listPage = new VBox(8);
    private final Node empty;
    private final TableView<CustomerRow> table = new TableView<>(); 
    private final Label count = new Label();
    private final HBox undoBar = new HBox(8);
    private final VBox content = new VBox();
    private final List<Runnable> disposers = new ArrayList<>();
    private java.util.function.LongConsumer erase;
    private CustomerProfileView profileView;

    /**
     * @param importOrders the next step the empty page offers
     * @param loadSample   imports the invented sample shop, to look around before importing real exports
     */
    public CustomersView(CustomersViewModel vm, Messages m, Runnable importOrders, Runnable loadSample) {
        this.vm = vm;
        this.m = m;
        empty = new EmptyState(ICON, m.get("customers.empty.title"), m.get("customers.empty.body"))
                .action(m.get("customers.empty.action"), importOrders)
                .secondaryAction(m.get("imports.loadSample"), "load-sample-data", loadSample)
                .node();
        root.getStyleClass().add("customers-page");
        buildList();
        buildUndoBar();
        root.getChildren().setAll(content);
        listen(vm.profile(), (o, a, p) -> showProfile());
        listen(vm.total(), (o, a, b) -> showEmptyOrList());
        root.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (UNDO.match(e)) {
                vm.undo();
                e.consume();
            }
        });
        showProfile();
        showEmptyOrList();
        vm.loadChoices();
        vm.reload();
    }

    private <T> void listen(javafx.beans.value.ObservableValue<T> value, ChangeListener<? super T> l) {
        value.addListener(l);
        disposers.add(() -> value.removeListener(l));
    }

    public Node node() {
        return root;
    }

    /** Offers "erase on request" on the profile: {@code erase} asks first, then erases the customer. */
    public CustomersView withErase(java.util.function.LongConsumer erase) {
        this.erase = erase;
        showProfile();
        return this;
    }

    /** Stops listening to the ViewModel (the view is rebuilt when the language or page changes). */
    public void dispose() {
        disposers.forEach(Runnable::run);
    }

    private void showEmptyOrList() {
        boolean nothingAtAll = vm.total().get() == 0 && vm.searchText().isEmpty() && vm.filter().isEmpty();
        Node body = nothingAtAll && vm.profile().get() == null ? empty : content;
        if (root.getChildren().getFirst() != body) {
            root.getChildren().setAll(body);
        }
    }

    private void showProfile() {
        VBox outer = content;
        if (vm.profile().get() != null) {
            CustomerProfileView before = profileView;
            profileView = new CustomerProfileView(vm, m, erase);
            if (before != null && before.customerId() == profileView.customerId()) {
                profileView.scrollTo(before.scroll()); // read again after a save: stay where the owner was
            }
            Node profile = profileView.node();
            VBox.setVgrow(profile, Priority.ALWAYS);
            outer.getChildren().setAll(profile, undoBar);
        } else {
            profileView = null;
            outer.getChildren().setAll(listPage, undoBar);
            VBox.setVgrow(listPage, Priority.ALWAYS);
        }
    }

    // --- the list

    private void buildList() {
        listPage.setPadding(new Insets(16));
        TextField search = new TextField(vm.searchText());
        search.setId("customer-search");
        search.setPromptText(m.get("customers.search.prompt"));
        search.setPrefColumnCount(30);
        // room for the whole prompt (it lists what the search looks in) where the window allows
        search.setMaxWidth(640);
        HBox.setHgrow(search, Priority.ALWAYS);
        search.textProperty().addListener((o, a, text) -> vm.search(text));
        Label indexState = new Label(m.get("customers.search.indexing"));
        indexState.getStyleClass().add("text-muted");
        indexState.visibleProperty().bind(vm.indexReady().not());
        indexState.managedProperty().bind(indexState.visibleProperty());
        count.setId("customer-count");
        updateCount();
        listen(vm.total(), (o, a, b) -> updateCount());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(10, new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignM.MAGNIFY), search, indexState, grow, count);
        top.setAlignment(Pos.CENTER_LEFT);

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        listPage.getChildren().setAll(top, filters(), table, bulkActions());
    }

    private void updateCount() {
        long n = vm.total().get();
        count.setText(n < 0 ? "" : vm.searchText().isEmpty() ? m.get("customers.count", n) : m.get("customers.count.hits", n));
    }

    private Node filters() {
        CustomerFilter f = vm.filter();
        ComboBox<String> city = new ComboBox<>(vm.cities());
        city.setEditable(true);
        city.setPromptText(m.get("customers.filter.city"));
        city.setValue(f.city());
        city.setPrefWidth(100);
        ComboBox<String> tag = new ComboBox<>(vm.tags());
        tag.setEditable(true);
        tag.setPromptText(m.get("customers.filter.tag"));
        tag.setValue(f.tag());
        tag.setPrefWidth(100);
        ComboBox<String> platform = choice(List.of("taobao", "tmall", "jd", "pinduoduo", "youzan", "douyin", "wechat",
                "shopify", "woocommerce", "etsy", "ebay"), p -> CustomerTexts.platform(m, p), m.get("customers.filter.platform"));
        platform.setValue(f.platform());
        platform.setPrefWidth(100);
        ComboBox<String> state = choice(List.of("none", "to_contact", "contacted", "added", "active_again"),
                s -> CustomerTexts.state(m, s), m.get("customers.filter.state"));
        state.setValue(f.recoveryState());
        state.setPrefWidth(120);
        TextField minSpend = number(m.get("customers.filter.minSpend"), f.minSpend());
        TextField maxSpend = number(m.get("customers.filter.maxSpend"), f.maxSpend());
        DatePicker from = new DatePicker(f.lastOrderFrom());
        com.fankeep.ui.common.IsoDates.apply(from);
        from.setPromptText(m.get("customers.filter.lastOrderFrom"));
        from.setPrefWidth(Math.max(150, com.fankeep.ui.common.Tables.widthOf(m.get("customers.filter.lastOrderFrom")) + 40));
        DatePicker to = new DatePicker(f.lastOrderTo());
        com.fankeep.ui.common.IsoDates.apply(to);
        to.setPromptText(m.get("customers.filter.lastOrderTo"));
        to.setPrefWidth(Math.max(150, com.fankeep.ui.common.Tables.widthOf(m.get("customers.filter.lastOrderTo")) + 40));
        ComboBox<String> segment = new ComboBox<>(vm.segments());
        segment.setId("customers-filter-segment");
        segment.setPromptText(m.get("segments.filter"));
        segment.setValue(f.segment());
        CheckBox wechat = new CheckBox(m.get("customers.filter.hasWechat"));
        wechat.setSelected(Boolean.TRUE.equals(f.hasWechat()));
        CheckBox phone = new CheckBox(m.get("customers.filter.hasPhone"));
        phone.setSelected(Boolean.TRUE.equals(f.hasPhone()));
        Label spendError = new Label();
        spendError.getStyleClass().add("field-error");
        spendError.managedProperty().bind(spendError.textProperty().isNotEmpty()); // no empty slot in the wrapping bar
        Runnable apply = () -> {
            BigDecimal min = decimal(minSpend.getText());
            BigDecimal max = decimal(maxSpend.getText());
            boolean bad = (min == null && !minSpend.getText().isBlank()) || (max == null && !maxSpend.getText().isBlank());
            spendError.setText(bad ? m.get("customers.invalid.amount") : "");
            if (bad) {
                return;
            }
            vm.filter(new CustomerFilter(city.getEditor().getText(), tag.getEditor().getText(), platform.getValue(), min, max,
                    from.getValue(), to.getValue(), state.getValue(), wechat.isSelected() ? true : null,
                    phone.isSelected() ? true : null, segment.getValue()));
        };
        Button clear = new Button(m.get("customers.filter.clear"));
        clear.setOnAction(e -> {
            city.setValue(null);
            city.getEditor().clear();
            tag.setValue(null);
            tag.getEditor().clear();
            platform.setValue(null);
            state.setValue(null);
            minSpend.clear();
            maxSpend.clear();
            from.setValue(null);
            to.setValue(null);
            wechat.setSelected(false);
            phone.setSelected(false);
            segment.setValue(null);
            apply.run();
        });
        city.setOnAction(e -> apply.run());
        tag.setOnAction(e -> apply.run());
        platform.setOnAction(e -> apply.run());
        state.setOnAction(e -> apply.run());
        segment.setOnAction(e -> apply.run());
        minSpend.setOnAction(e -> apply.run());
        maxSpend.setOnAction(e -> apply.run());
        minSpend.focusedProperty().addListener((o, a, now) -> { if (!now) { apply.run(); } });
        maxSpend.focusedProperty().addListener((o, a, now) -> { if (!now) { apply.run(); } });
        from.setOnAction(e -> apply.run());
        to.setOnAction(e -> apply.run());
        wechat.setOnAction(e -> apply.run());
        phone.setOnAction(e -> apply.run());
        // one bar that wraps as the window narrows: each filter keeps the width its words need
        for (ComboBox<String> c : List.of(platform, state, segment)) {
            c.setPrefWidth(Region.USE_COMPUTED_SIZE);
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        // a long rule (a dashboard bar's: "campaign "X" = claimed or …") is cut with "…", not a bar wider than the window
        segment.setMinWidth(160);
        segment.setMaxWidth(520);
        Tooltip segmentRule = new Tooltip();
        segmentRule.textProperty().bind(segment.valueProperty());
        segment.setTooltip(segmentRule);
        HBox spend = new HBox(6, minSpend, new Label("–"), maxSpend);
        spend.setAlignment(Pos.CENTER_LEFT);
        HBox lastOrder = new HBox(6, from, new Label("–"), to);
        lastOrder.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 6,
                new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignF.FILTER_VARIANT),
                city, tag, platform, state, spend, lastOrder, wechat, phone, segment, clear, spendError);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("customer-filters");
        return bar;
    }

    private static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static TextField number(String prompt, BigDecimal value) {
        TextField t = new TextField(value == null ? "" : value.toPlainString());
        t.setPromptText(prompt);
        t.setPrefColumnCount(6);
        return com.fankeep.ui.common.Fields.fitPrompt(t);
    }

    private static ComboBox<String> choice(List<String> values, Function<String, String> label, String prompt) {
        List<String> withNone = new ArrayList<>();
        withNone.add(null);
        withNone.addAll(values);
        ComboBox<String> c = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(withNone));
        c.setPromptText(prompt);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(String v) {
                return v == null ? prompt : label.apply(v);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        return c;
    }

    private void buildTable() {
        table.setId("customer-table");
        table.getStyleClass().add("customer-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(m.get("customers.noMatch")));
        table.setItems(vm.rows());
        // the flexible columns share what the fixed ones (counts, money, dates, icons) leave
        table.getColumns().setAll(List.of(
                Tables.flexible(column("customers.col.name", CustomerSort.NAME, r -> r.name() == null ? "" : r.name()),
                        Tables.widthOf("欧阳晓明"), 120),
                Tables.flexible(column("customers.col.nicknames", CustomerSort.NICKNAME, r -> String.join(" / ", r.nicknames())),
                        Tables.widthOf("zhangwei1988"), 170),
                Tables.flexible(column("customers.col.city", CustomerSort.CITY, r -> r.city() == null ? "" : r.city()),
                        Tables.widthOf("石家庄市"), 90),
                Tables.flexible(column("customers.col.state", CustomerSort.RECOVERY_STATE, this::stateText),
                        Tables.widthOf(m.get("customers.state.to_contact")), 120),
                Tables.fixed(number(column("customers.col.orders", CustomerSort.ORDERS, r -> String.valueOf(r.orderCount()))), "999"),
                Tables.flexible(number(column("customers.col.spend", CustomerSort.NET_SPEND, r -> CustomerTexts.money(m, r.spend()))),
                        Tables.widthOf("¥12,345.00"), 110),
                Tables.fixed(column("customers.col.lastOrder", CustomerSort.LAST_ORDER, r -> CustomerTexts.date(r.lastOrderAt())),
                        "2024-12-31"),
                Tables.fixed(channelColumn(), "\u2003\u2003\u2003\u2003\u2003\u2003"),
                Tables.flexible(column("customers.col.tags", CustomerSort.TAGS, r -> String.join(", ", r.tags())),
                        Tables.widthOf("VIP, 老客户"), 140)));
        Tables.fit(table, "customers");
        listen(vm.lapseDays(), (o, a, b) -> table.refresh());
        table.setRowFactory(t -> {
            TableRow<CustomerRow> row = new TableRow<>() {
                @Override
                protected void updateItem(CustomerRow item, boolean empty) {
                    super.updateItem(item, empty);
                    if (!empty) {
                        vm.needRow(getIndex());
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem().id());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                vm.open(table.getSelectionModel().getSelectedItem().id());
            }
        });
        // sorting happens in the database: the policy only tells the ViewModel what was asked for
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                vm.sort(CustomerSort.ID, true); // newest customers first
                return true;
            }
            TableColumn<CustomerRow, ?> c = t.getSortOrder().getFirst();
            vm.sort((CustomerSort) c.getUserData(), c.getSortType() == TableColumn.SortType.DESCENDING);
            return true;
        });
        for (TableColumn<CustomerRow, ?> c : table.getColumns()) {
            if (c.getUserData() == vm.sort()) {
                c.setSortType(vm.descending() ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
                table.getSortOrder().setAll(List.of(c));
            }
        }
    }

    /** The tier when there is one (with the win-back state); until tiers exist, the win-back state or "Lapsed". */
    private String stateText(CustomerRow r) {
        String tier = CustomerTexts.tier(m, r.tier());
        String state = !r.recoveryState().equals("none") ? CustomerTexts.state(m, r.recoveryState())
                : tier.isEmpty() && vm.lapsed(r) ? m.get("customers.tier.lapsed") : "";
        return tier.isEmpty() ? state : state.isEmpty() ? tier : tier + " · " + state;
    }

    private TableColumn<CustomerRow, String> column(String key, CustomerSort sort, Function<CustomerRow, String> value) {
        TableColumn<CustomerRow, String> c = new TableColumn<>(m.get(key));
        c.setUserData(sort);
        c.setId("customers-" + sort.name().toLowerCase(java.util.Locale.ROOT));
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private static TableColumn<CustomerRow, String> number(TableColumn<CustomerRow, String> c) {
        c.getStyleClass().add("number-column");
        return c;
    }

    private TableColumn<CustomerRow, CustomerRow> channelColumn() {
        TableColumn<CustomerRow, CustomerRow> c = new TableColumn<>(m.get("customers.col.channels"));
        c.setUserData(CustomerSort.CHANNELS);
        c.setId("customers-channels");
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(CustomerRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                HBox icons = new HBox(4);
                icons.setAlignment(Pos.CENTER_LEFT);
                for (String kind : ChannelIcons.ORDER) {
                    if (r.channels().contains(kind)) {
                        FontIcon i = ChannelIcons.icon(kind);
                        javafx.scene.control.Tooltip.install(i, new javafx.scene.control.Tooltip(CustomerTexts.kind(m, kind)));
                        icons.getChildren().add(i);
                    }
                }
                setGraphic(icons);
            }
        });
        return c;
    }

    private Node bulkActions() {
        Label selected = new Label();
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<CustomerRow>) ch ->
                selected.setText(m.get("customers.bulk.selected", table.getSelectionModel().getSelectedItems().size())));
        selected.setText(m.get("customers.bulk.selected", 0));
        ComboBox<String> tag = new ComboBox<>(vm.tags());
        tag.setEditable(true);
        tag.setPromptText(m.get("customers.bulk.tagPrompt"));
        tag.setId("bulk-tag");
        Button addTag = new Button(m.get("customers.bulk.tag"));
        addTag.setId("bulk-tag-add");
        Button removeTag = new Button(m.get("customers.bulk.untag"));
        ComboBox<String> state = choice(List.of("none", "to_contact", "contacted", "added", "active_again"),
                s -> CustomerTexts.state(m, s), m.get("customers.bulk.statePrompt"));
        Button setState = new Button(m.get("customers.bulk.setState"));
        Label error = new Label();
        error.setId("bulk-error");
        error.getStyleClass().add("field-error");
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        addTag.setOnAction(e -> vm.edit(() -> vm.service().tag(selectedIds(), tag.getEditor().getText()),
                bad -> error.setText(m.get("customers.invalid." + bad.field()))));
        removeTag.setOnAction(e -> vm.edit(() -> vm.service().untag(selectedIds(), tag.getEditor().getText()),
                bad -> error.setText(m.get("customers.invalid." + bad.field()))));
        setState.setOnAction(e -> {
            if (state.getValue() != null) {
                vm.edit(() -> vm.service().setRecoveryState(selectedIds(), state.getValue()),
                        bad -> error.setText(m.get("customers.invalid." + bad.field())));
            }
        });
        var none = javafx.beans.binding.Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        addTag.disableProperty().bind(none);
        removeTag.disableProperty().bind(none);
        setState.disableProperty().bind(none);
        Button open = new Button(m.get("customers.open"), new FontIcon(MaterialDesignA.ACCOUNT_DETAILS_OUTLINE));
        open.setId("customer-open");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> vm.open(table.getSelectionModel().getSelectedItem().id()));
        selected.setMinWidth(Region.USE_PREF_SIZE);
        HBox tagging = new HBox(6, tag, addTag, removeTag);
        tagging.setAlignment(Pos.CENTER_LEFT);
        HBox stating = new HBox(6, state, setState);
        stating.setAlignment(Pos.CENTER_LEFT);
        state.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(12, 6, open, selected, tagging, stating);
        if (vm.activity() != null) {
            bar.getChildren().add(scheduleButton(none));
        }
        if (vm.addToGroup() != null) {
            bar.getChildren().add(vm.addToGroup().node(m, this::selectedIds, none));
        }
        if (vm.referrals() != null) {
            bar.getChildren().add(referredByButton(none, error));
        }
        bar.getChildren().add(error);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("customer-bulk");
        for (Node n : List.of(open, addTag, removeTag, setState)) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        return vm.canExport() ? new VBox(6, bar, exportBar(none)) : bar;
    }

    /** Export the selection, or everything the list shows for the search and filter, as CSV, Excel or vCards. */
    private Node exportBar(javafx.beans.binding.BooleanBinding none) {
        CheckBox all = new CheckBox(m.get("customers.export.all"));
        all.setId("bulk-export-all");
        CheckBox mask = new CheckBox(m.get("customers.export.mask"));
        mask.setId("bulk-export-mask");
        javafx.scene.control.MenuButton export = new javafx.scene.control.MenuButton(m.get("customers.export.button"),
                new FontIcon(MaterialDesignF.FILE_EXPORT_OUTLINE));
        export.setId("bulk-export");
        for (ExportKind kind : ExportKind.values()) {
            String key = kind.name().toLowerCase(java.util.Locale.ROOT);
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(m.get("customers.export.as." + key));
            item.setId("bulk-export-" + key);
            item.setOnAction(e -> vm.export(kind, selectedIds(), all.isSelected(), mask.isSelected(), m));
            export.getItems().add(item);
        }
        export.disableProperty().bind(none.and(all.selectedProperty().not()));
        Label notice = new Label();
        notice.setId("bulk-export-notice");
        notice.textProperty().bind(vm.exportNotice());
        export.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(12, 6, export, all, mask, notice);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Sets "referred by" one customer (picked by search) for every selected customer; a loop is refused, naming both. */
    private Button referredByButton(javafx.beans.binding.BooleanBinding none, Label error) {
        Button refer = new Button(m.get("referrals.bulk.button"), new FontIcon(MaterialDesignA.ACCOUNT_ARROW_LEFT_OUTLINE));
        refer.setId("bulk-referred-by");
        refer.setMinWidth(Region.USE_PREF_SIZE);
        refer.disableProperty().bind(none);
        refer.setOnAction(e -> {
            List<Long> ids = selectedIds();
            ReferredByDialog.pick(root.getScene().getWindow(), m, vm, ids).ifPresent(referrer -> {
                error.setText("");
                vm.setReferredBy(ids, referrer.id(), bad -> error.setText(CustomerTexts.or(m, "customers.invalid." + bad.field(),
                        bad.getMessage())), refused -> error.setText(refused.localized(m)));
            });
        });
        return refer;
    }

    /** Schedules one follow-up for every selected customer. */
    private Button scheduleButton(javafx.beans.binding.BooleanBinding none) {
        CustomerActivityViewModel activity = vm.activity();
        activity.loadTemplates(TemplateService.templateLocale(m.locale()));
        Button schedule = new Button(m.get("customers.bulk.schedule"), new FontIcon(MaterialDesignC.CALENDAR_PLUS));
        schedule.setId("bulk-schedule");
        schedule.setMinWidth(Region.USE_PREF_SIZE);
        schedule.disableProperty().bind(none);
        schedule.setOnAction(e -> {
            List<Long> ids = selectedIds();
            FollowUpDialog.open(root.getScene().getWindow(), m, m.get("customers.bulk.selected", ids.size()),
                    java.time.LocalDate.now(activity.zone()), activity.templates(), n -> activity.scheduleFor(ids, n));
        });
        return schedule;
    }

    private List<Long> selectedIds() {
        return List.copyOf(table.getSelectionModel().getSelectedItems().stream().map(CustomerRow::id).toList());
    }

    // --- undo bar

    private void buildUndoBar() {
        undoBar.setId("undo-bar");
        undoBar.getStyleClass().add("undo-bar");
        undoBar.setPadding(new Insets(6, 16, 6, 16));
        undoBar.setAlignment(Pos.CENTER_LEFT);
        Label text = new Label();
        text.setId("undo-text");
        Button undo = new Button(m.get("customers.undo"), new FontIcon(MaterialDesignU.UNDO));
        undo.setId("undo-edit");
        undo.setOnAction(e -> vm.undo());
        undoBar.getChildren().setAll(text, undo);
        Runnable update = () -> {
            UndoneEdit edit = vm.lastEdit().get();
            UndoneEdit undone = vm.lastUndone().get();
            if (edit != null) {
                text.setText(m.get("customers.undo.saved", CustomerTexts.edit(m, edit.kind()), edit.customerIds().size()));
                undo.setVisible(true);
            } else if (undone != null) {
                text.setText(m.get("customers.undo.undone", CustomerTexts.edit(m, undone.kind())));
                undo.setVisible(true);
            } else {
                text.setText("");
                undo.setVisible(false);
            }
            undoBar.setVisible(edit != null || undone != null);
            undoBar.setManaged(undoBar.isVisible());
        };
        listen(vm.lastEdit(), (o, a, b) -> update.run());
        listen(vm.lastUndone(), (o, a, b) -> update.run());
        update.run();
    }
}
