package com.fankeep.ui.interaction;

import atlantafx.base.theme.Styles;
import com.fankeep.core.followup.TimelineEntry;
import com.fankeep.core.interaction.InteractionKind;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.template.MessageTemplate;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * A customer's interactions and follow-ups, newest first, filterable by kind, with "log interaction", "schedule
 * follow-up", "copy message" and delete/undo. Made to be embedded (the customer profile's timeline, the Today page).
 */
public final class CustomerActivityPanel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final VBox root = new VBox(10);
    private final Label done = new Label();
    private final Label heading = new Label();

    public CustomerActivityPanel(CustomerActivityViewModel vm, Messages m) {
        heading.setId("activity-customer");
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.customerProperty().get() == null
                ? m.get("followups.activity.none") : m.get("followups.activity.title", vm.customerProperty().get().name()),
                vm.customerProperty()));

        ComboBox<String> filter = new ComboBox<>();
        filter.setId("activity-filter");
        filter.getItems().addAll(CustomerActivityViewModel.ALL, CustomerActivityViewModel.FOLLOW_UPS);
        for (InteractionKind k : InteractionKind.values()) {
            filter.getItems().add(k.code());
        }
        InteractionDialog.labelled(filter, f -> filterText(m, f));
        filter.valueProperty().bindBidirectional(vm.filterProperty());

        ListView<TimelineEntry> list = new ListView<>(vm.entries());
        list.setId("activity-list");
        list.setPlaceholder(new Label(m.get("followups.activity.empty")));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(TimelineEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : entryText(m, vm, e));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button log = new Button(m.get("followups.activity.log"), new FontIcon(MaterialDesignP.PLUS));
        log.setId("activity-log");
        log.setOnAction(e -> {
            var c = vm.customerProperty().get();
            InteractionDialog.open(window(), m,
                    new InteractionDialog.Prefill(c.id(), c.name(), null, null, ""), vm.zone(), vm::log);
        });
        Button schedule = new Button(m.get("followups.activity.schedule"), new FontIcon(MaterialDesignC.CALENDAR_PLUS));
        schedule.setId("activity-schedule");
        schedule.setOnAction(e -> FollowUpDialog.open(window(), m, vm.customerProperty().get().name(),
                java.time.LocalDate.now(vm.zone()), vm.templates(), vm::schedule));
        Button edit = new Button(m.get("followups.activity.edit"), new FontIcon(MaterialDesignP.PENCIL_OUTLINE));
        edit.setId("activity-edit");
        Button delete = new Button(m.get("followups.activity.delete"), new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        delete.setId("activity-delete");
        delete.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            TimelineEntry sel = list.getSelectionModel().getSelectedItem();
            return sel == null || !sel.kind().equals(TimelineEntry.INTERACTION);
        }, list.getSelectionModel().selectedItemProperty()));
        delete.setOnAction(e -> vm.deleteInteraction(list.getSelectionModel().getSelectedItem().id()));
        edit.disableProperty().bind(delete.disableProperty());
        edit.setOnAction(e -> vm.loadInteraction(list.getSelectionModel().getSelectedItem().id(), i ->
                InteractionDialog.open(window(), m, InteractionDialog.Prefill.of(i, vm.customerProperty().get().name()),
                        vm.zone(), n -> vm.editInteraction(i.id(), n))));
        Button undo = new Button(m.get("followups.activity.undo"), new FontIcon(MaterialDesignU.UNDO));
        undo.setId("activity-undo");
        undo.visibleProperty().bind(vm.lastChangeProperty().isNotNull());
        undo.managedProperty().bind(undo.visibleProperty());
        undo.setOnAction(e -> vm.undo());

        ComboBox<MessageTemplate> template = new ComboBox<>(vm.templates());
        template.setId("activity-template");
        template.setPromptText(m.get("followups.activity.template"));
        InteractionDialog.labelled(template, MessageTemplate::name);
        Button copy = new Button(m.get("followups.copy"), new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setId("activity-copy");
        copy.disableProperty().bind(template.valueProperty().isNull());
        Label warning = new Label();
        warning.setId("activity-copy-warning");
        warning.getStyleClass().add(Styles.WARNING);
        warning.setWrapText(true);
        copy.setOnAction(e -> vm.render(template.getValue().id(), r -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(r.text());
            Clipboard.getSystemClipboard().setContent(content);
            warning.setText(r.complete() ? m.get("followups.copied") : m.get("followups.copiedMissing", com.fankeep.ui.templates.PlaceholderNames.list(m, r.missing())));
            var c = vm.customerProperty().get();
            InteractionDialog.open(window(), m, new InteractionDialog.Prefill(c.id(), c.name(),
                    InteractionKind.MESSAGE, null, shorten(r.text())), vm.zone(), vm::log);
        }));

        // the panel may be narrow (beside Today's agenda): the buttons wrap rather than cut their labels
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 8, log, schedule, edit, delete, undo);
        actions.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane copyRow = new javafx.scene.layout.FlowPane(8, 8, template, copy);
        copyRow.setAlignment(Pos.CENTER_LEFT);
        for (Node n : List.of(log, schedule, edit, delete, undo, copy)) {
            ((javafx.scene.control.Control) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        heading.setWrapText(true);
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        done.setId("activity-done");
        done.getStyleClass().add(Styles.SUCCESS);
        done.textProperty().bind(vm.confirmationProperty());
        done.visibleProperty().bind(vm.confirmationProperty().isNotEmpty());
        done.managedProperty().bind(done.visibleProperty());
        root.getChildren().setAll(heading, new HBox(8, new Label(m.get("followups.activity.show")), filter), list, actions, done,
                copyRow, warning);
        root.setId("customer-activity");
        root.disableProperty().bind(vm.customerProperty().isNull());
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    static String shorten(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    private static String filterText(Messages m, String f) {
        return switch (f) {
            case CustomerActivityViewModel.ALL -> m.get("followups.activity.filterAll");
            case CustomerActivityViewModel.FOLLOW_UPS -> m.get("followups.activity.filterFollowUps");
            default -> m.get("followups.kind." + f);
        };
    }

    private static String entryText(Messages m, CustomerActivityViewModel vm, TimelineEntry e) {
        var local = e.at().atZoneSameInstant(vm.zone());
        // a follow-up without a time is due on a day, not at midnight
        String when = e.kind().equals(TimelineEntry.FOLLOW_UP) && local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? local.toLocalDate().toString() : WHEN.format(local);
        String what = e.kind().equals(TimelineEntry.INTERACTION) ? m.get("followups.kind." + e.detail())
                : m.get("followups.status." + e.detail());
        return when + "  ·  " + what + "  ·  " + e.title();
    }

    public Node node() {
        return root;
    }

    /** Embedded under a heading that already names it (the profile): no second title. */
    public CustomerActivityPanel withoutHeading() {
        heading.setVisible(false);
        heading.setManaged(false);
        return this;
    }

    /** How tall the list of entries may grow (in a page that scrolls as a whole it must stop somewhere). */
    public CustomerActivityPanel listHeight(double height) {
        root.lookupAll("#activity-list").forEach(n -> ((ListView<?>) n).setPrefHeight(height));
        return this;
    }
}
