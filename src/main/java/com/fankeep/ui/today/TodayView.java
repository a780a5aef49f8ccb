package com.fankeep.ui.today;

import atlantafx.base.theme.Styles;
import com.fankeep.core.followup.FollowUp;
import com.fankeep.core.interaction.InteractionKind;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.template.TemplateService;
import com.fankeep.ui.common.Dialogs;
import com.fankeep.ui.common.EmptyState;
import com.fankeep.ui.common.FileType;
import com.fankeep.ui.interaction.CustomerActivityPanel;
import com.fankeep.ui.interaction.InteractionDialog;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * Today: who to get in touch with — overdue, due today, the next 7 days (grouped and counted), each with done,
 * snooze, reschedule, cancel, open customer and copy message; a calendar of the coming weeks; the chosen customer's
 * interactions and follow-ups beside it. Before any customer exists it offers the first import instead.
 */
public final class TodayView {

    public static final Ikon ICON = MaterialDesignC.CALENDAR_CHECK_OUTLINE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd EEE");

    private final TodayViewModel vm;
    private final Messages m;
    private final StackPane root = new StackPane();
    private final VBox sections = new VBox(18);
    private final VBox calendarBox = new VBox(12);
    private final Label notice = new Label();
    private Consumer<NextStep.Page> go = page -> { };

    /**
     * @param importOrders the next step the empty page offers
     * @param loadSample   imports the invented sample shop, to look around before importing real exports
     */
    public TodayView(TodayViewModel vm, Messages m, Dialogs dialogs, Runnable importOrders, Runnable loadSample) {
        this.vm = vm;
        this.m = m;
        Node empty = new EmptyState(ICON, m.get("today.empty.title"), m.get("today.empty.body"))
                .action(m.get("today.empty.action"), importOrders)
                .secondaryAction(m.get("imports.loadSample"), "load-sample-data", loadSample)
                .node();
        empty.setId("today-empty");
        Node agenda = agendaPage(dialogs);
        Node loading = loading();
        Runnable show = () -> root.getChildren().setAll(!vm.loadedProperty().get() ? loading
                : vm.hasCustomersProperty().get() ? agenda : empty);
        show.run();
        vm.hasCustomersProperty().addListener(o -> show.run());
        vm.loadedProperty().addListener(o -> show.run());

        ListChangeListener<FollowUp> redraw = c -> drawLists();
        for (ObservableList<FollowUp> list : List.of(vm.overdue(), vm.dueToday(), vm.upcoming(), vm.calendar())) {
            list.addListener(redraw);
        }
        vm.nextSteps().addListener((ListChangeListener<NextStep>) c -> drawLists());
        drawLists();
        vm.refresh();
        vm.activity().loadTemplates(TemplateService.templateLocale(m.locale()));
    }

    /** While the first figures load: words and a spinner, not the first-run page (issue #17). */
    private Node loading() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(36, 36);
        Label words = new Label(m.get("bigshop.loading.today"));
        words.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(12, spinner, words);
        box.setAlignment(Pos.CENTER);
        box.setId("today-loading");
        return box;
    }

    private Node agendaPage(Dialogs dialogs) {
        Label title = new Label(m.get("followups.today.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Button refresh = new Button(m.get("followups.today.refresh"), new FontIcon(MaterialDesignC.CACHED));
        refresh.setOnAction(e -> vm.refresh());
        Button export = new Button(m.get("followups.today.exportIcs"), new FontIcon(MaterialDesignC.CALENDAR_EXPORT));
        export.setId("followups-export-ics");
        export.setOnAction(e -> {
            Path file = dialogs.chooseFileToSave(m.get("followups.today.exportIcs"), "fankeep-follow-ups.ics",
                    new FileType(m.get("followups.today.icsFiles"), List.of("*.ics")));
            if (file != null) {
                vm.exportIcs(file, n -> notice.setText(m.get("followups.today.exported", n, file.getFileName().toString())));
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(10, refresh, export);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(10, title, spacer, buttons);
        header.setAlignment(Pos.CENTER_LEFT);
        notice.setId("today-notice");
        notice.getStyleClass().add(Styles.TEXT_MUTED);

        ScrollPane listScroll = new ScrollPane(sections);
        listScroll.setFitToWidth(true);
        ScrollPane calendarScroll = new ScrollPane(calendarBox);
        calendarScroll.setFitToWidth(true);
        Tab listTab = new Tab(m.get("followups.today.agendaTab"), listScroll);
        Tab calendarTab = new Tab(m.get("followups.today.calendarTab"), calendarScroll);
        calendarTab.setId("today-calendar-tab");
        TabPane tabs = new TabPane(listTab, calendarTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        Node panel = new CustomerActivityPanel(vm.activity(), m).node();
        VBox left = new VBox(10, header, notice, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        left.setPadding(new Insets(0, 12, 0, 0));
        panel.setStyle("-fx-padding: 0 0 0 12;");
        SplitPane split = new SplitPane(left, panel);
        split.setDividerPositions(0.6);
        split.setId("today-page");
        StackPane page = new StackPane(split);
        page.getStyleClass().add("today-page");
        return page;
    }

    /** Where the next-step links lead (Win back, Duplicates, Imports), when nothing is due. */
    public TodayView withNextSteps(Consumer<NextStep.Page> go) {
        this.go = go;
        drawLists();
        return this;
    }

    private void drawLists() {
        if (vm.nothingDue()) {
            sections.getChildren().setAll(nextSteps());
        } else {
            sections.getChildren().setAll(
                section("today-overdue", m.get("followups.today.overdue", vm.overdue().size()), vm.overdue(), Styles.DANGER),
                section("today-due", m.get("followups.today.due", vm.dueToday().size()), vm.dueToday(), Styles.ACCENT),
                section("today-upcoming", m.get("followups.today.upcoming", vm.upcoming().size()), vm.upcoming(), null));
        }
        calendarBox.getChildren().clear();
        Map<LocalDate, List<FollowUp>> byDay = new TreeMap<>();
        for (FollowUp f : vm.calendar()) {
            byDay.computeIfAbsent(f.dueDate(), d -> new java.util.ArrayList<>()).add(f);
        }
        if (byDay.isEmpty()) {
            calendarBox.getChildren().add(new Label(m.get("followups.today.calendarEmpty")));
        }
        for (Map.Entry<LocalDate, List<FollowUp>> e : byDay.entrySet()) {
            Label day = new Label(DAY.withLocale(m.locale()).format(e.getKey()) + "  (" + e.getValue().size() + ")");
            day.getStyleClass().add(Styles.TITLE_4);
            VBox items = new VBox(4);
            for (FollowUp f : e.getValue()) {
                Label item = new Label((f.dueTime() == null ? "" : f.dueTime() + "  ") + f.customerName() + " · " + f.title());
                item.setOnMouseClicked(x -> vm.select(f));
                items.getChildren().add(item);
            }
            calendarBox.getChildren().add(new VBox(4, day, items));
        }
    }

    private Node section(String id, String heading, List<FollowUp> items, String style) {
        Label label = new Label(heading);
        label.setId(id);
        label.getStyleClass().add(Styles.TITLE_4);
        if (style != null && !items.isEmpty()) {
            label.getStyleClass().add(style);
        }
        VBox rows = new VBox(6);
        for (FollowUp f : items) {
            rows.getChildren().add(row(f));
        }
        if (items.isEmpty()) {
            label.getStyleClass().add(Styles.TEXT_MUTED);
            return label; // its count says "(0)": no "nothing here" under it
        }
        return new VBox(8, label, rows);
    }

    /** Nothing due: say so once, then what is worth doing next, each a link to the page that does it. */
    private Node nextSteps() {
        Label heading = new Label(m.get("today.next.nothingDue"));
        heading.setId("today-nothing-due");
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.setWrapText(true);
        VBox steps = new VBox(10);
        steps.setId("today-next-steps");
        for (NextStep step : vm.nextSteps()) {
            String key = "today.next." + switch (step.page()) {
                case WIN_BACK -> "winBack";
                case DUPLICATES -> "duplicates";
                case IMPORT -> "import";
            };
            String count = step.count() > NextStep.DUPLICATES_COUNTED ? NextStep.DUPLICATES_COUNTED + "+"
                    : String.format(m.locale(), "%,d", step.count());
            Label what = new Label(m.get(key, count));
            what.setWrapText(true);
            javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(m.get(key + ".link"));
            link.setId("today-next-" + step.page().name().toLowerCase(java.util.Locale.ROOT));
            link.setOnAction(e -> go.accept(step.page()));
            HBox row = new HBox(6, what, new Label("\u2192"), link);
            row.setAlignment(Pos.CENTER_LEFT);
            steps.getChildren().add(row);
        }
        if (vm.nextSteps().isEmpty()) {
            Label caughtUp = new Label(m.get("today.next.caughtUp"));
            caughtUp.setWrapText(true);
            caughtUp.getStyleClass().add(Styles.TEXT_MUTED);
            steps.getChildren().add(caughtUp);
        }
        return new VBox(12, heading, steps);
    }

    private Node row(FollowUp f) {
        Label who = new Label(f.customerName());
        who.setId("followup-customer-" + f.id());
        who.getStyleClass().add(Styles.TEXT_BOLD);
        who.setMinWidth(90);
        String whyText = m.get("common.labelValue", m.get("followups.reason." + f.reason().code()), f.title())
                + (f.dueDate().equals(vm.todayProperty().get()) ? "" : "  (" + f.dueDate() + ")");
        Label why = new Label(whyText);
        why.setWrapText(true);
        HBox.setHgrow(why, Priority.ALWAYS);
        why.setMaxWidth(Double.MAX_VALUE);
        Label channel = new Label(f.channel() == null ? "" : m.get("followups.channel." + f.channel().code()));
        channel.getStyleClass().add(Styles.TEXT_MUTED);

        Button done = new Button(m.get("followups.action.done"));
        done.setId("followup-done-" + f.id());
        done.getStyleClass().add(Styles.SUCCESS);
        done.setOnAction(e -> openDone(f, f.title()));
        MenuButton snooze = new MenuButton(m.get("followups.action.snooze"));
        snooze.setId("followup-snooze-" + f.id());
        snooze.getItems().addAll(
                item(m.get("followups.snooze.1d"), () -> vm.snooze(f, vm.snoozeDate("1d"))),
                item(m.get("followups.snooze.3d"), () -> vm.snooze(f, vm.snoozeDate("3d"))),
                item(m.get("followups.snooze.week"), () -> vm.snooze(f, vm.snoozeDate("week"))),
                item(m.get("followups.snooze.pick"), () -> pickDate(m.get("followups.snooze.pick"), f.dueDate().plusDays(1), d -> vm.snooze(f, d))));
        Button reschedule = new Button(m.get("followups.action.reschedule"));
        reschedule.setId("followup-reschedule-" + f.id());
        reschedule.setOnAction(e -> pickDate(m.get("followups.action.reschedule"), f.dueDate(), d -> vm.reschedule(f, d)));
        Button cancel = new Button(m.get("followups.action.cancel"));
        cancel.setId("followup-cancel-" + f.id());
        cancel.setOnAction(e -> vm.cancel(f));
        Button open = new Button(m.get("followups.action.open"));
        open.setId("followup-open-" + f.id());
        open.setOnAction(e -> vm.openCustomer(f));
        HBox actions = new HBox(6, done, snooze, reschedule, cancel, open);
        if (f.templateId() != null) {
            Button copy = new Button(m.get("followups.copy"), new FontIcon(MaterialDesignC.CONTENT_COPY));
            copy.setId("followup-copy-" + f.id());
            copy.setOnAction(e -> vm.render(f, r -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(r.text());
                Clipboard.getSystemClipboard().setContent(content);
                notice.setText(r.complete() ? m.get("followups.copied") : m.get("followups.copiedMissing", com.fankeep.ui.templates.PlaceholderNames.list(m, r.missing())));
                openDone(f, r.text().length() <= 500 ? r.text() : r.text().substring(0, 499) + "…");
            }));
            actions.getChildren().add(copy);
        }
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox top = new HBox(12, who, why, channel);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(6, top, actions);
        row.getStyleClass().add("followup-row");
        row.setPadding(new Insets(6, 8, 6, 8));
        row.setOnMouseClicked(e -> vm.select(f));
        return row;
    }

    /** Done opens the interaction dialog prefilled from the follow-up; saving it completes the follow-up. */
    private void openDone(FollowUp f, String summary) {
        vm.select(f);
        InteractionKind kind = f.templateId() != null ? InteractionKind.MESSAGE : InteractionKind.CHAT;
        InteractionDialog.open(window(), m, new InteractionDialog.Prefill(f.customerId(), f.customerName(), kind,
                f.channel(), summary), vm.zone(), n -> vm.done(f, n));
    }

    private void pickDate(String title, LocalDate start, Consumer<LocalDate> chosen) {
        Dialog<LocalDate> d = new Dialog<>();
        if (window() != null) {
            d.initOwner(window());
        }
        d.setTitle(title);
        DatePicker picker = new DatePicker(start);
        com.fankeep.ui.common.IsoDates.apply(picker);
        picker.setId("followup-pick-date");
        d.getDialogPane().setContent(picker);
        ButtonType ok = new ButtonType(m.get("followups.pick.ok"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, new ButtonType(m.get("followups.cancelButton"), ButtonBar.ButtonData.CANCEL_CLOSE));
        d.getDialogPane().lookupButton(ok).setId("followup-pick-ok");
        d.setResultConverter(b -> b == ok ? picker.getValue() : null);
        d.setOnHidden(e -> {
            if (d.getResult() != null) {
                chosen.accept(d.getResult());
            }
        });
        d.show();
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(e -> action.run());
        return i;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    public Node node() {
        return root;
    }
}
