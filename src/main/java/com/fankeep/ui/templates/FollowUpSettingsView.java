package com.fankeep.ui.templates;

import atlantafx.base.theme.Styles;
import com.fankeep.core.settings.FollowUpRuleSettings;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.template.MessageTemplate;
import com.fankeep.core.template.TemplateRenderer;
import com.fankeep.core.template.TemplateService;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Settings sections for follow-ups: automatic rules with their delays, shop name, and the templates editor. */
public final class FollowUpSettingsView {

    private final List<Node> sections;

    public FollowUpSettingsView(FollowUpSettingsViewModel vm, Messages m) {
        String locale = TemplateService.templateLocale(m.locale());
        sections = List.of(rules(vm, m), templates(vm, m, locale));
        vm.load(locale);
    }

    public List<Node> sections() {
        return sections;
    }

    private static Node rules(FollowUpSettingsViewModel vm, Messages m) {
        CheckBox tracking = new CheckBox(m.get("followups.settings.tracking"));
        tracking.setId("rule-tracking");
        CheckBox delivery = new CheckBox(m.get("followups.settings.delivery"));
        Spinner<Integer> deliveryDays = new Spinner<>(0, 365, 5);
        CheckBox birthday = new CheckBox(m.get("followups.settings.birthday"));
        CheckBox winBack = new CheckBox(m.get("followups.settings.winBack"));
        Spinner<Integer> winBackDays = new Spinner<>(1, 3650, 180);
        Spinner<Integer> horizon = new Spinner<>(0, 3650, 14);
        for (Spinner<Integer> s : List.of(deliveryDays, winBackDays, horizon)) {
            s.setEditable(true);
            s.setPrefWidth(90);
        }
        deliveryDays.disableProperty().bind(delivery.selectedProperty().not());
        winBackDays.disableProperty().bind(winBack.selectedProperty().not());
        Runnable fill = () -> {
            FollowUpRuleSettings r = vm.rulesProperty().get();
            if (r != null) {
                tracking.setSelected(r.tracking());
                delivery.setSelected(r.deliveryCheck());
                deliveryDays.getValueFactory().setValue(r.deliveryCheckDays());
                birthday.setSelected(r.birthday());
                winBack.setSelected(r.winBack());
                winBackDays.getValueFactory().setValue(r.winBackDays());
                horizon.getValueFactory().setValue(r.horizonDays());
            }
        };
        fill.run();
        vm.rulesProperty().addListener(o -> fill.run());
        Button save = new Button(m.get("followups.settings.save"));
        save.setId("rules-save");
        save.setOnAction(e -> vm.saveRules(new FollowUpRuleSettings(tracking.isSelected(), delivery.isSelected(),
                deliveryDays.getValue(), birthday.isSelected(), winBack.isSelected(), winBackDays.getValue(), horizon.getValue())));
        TextField shop = new TextField();
        shop.setId("settings-shop-name");
        shop.textProperty().bindBidirectional(vm.shopNameProperty());
        Button saveShop = new Button(m.get("followups.settings.save"));
        saveShop.setOnAction(e -> vm.saveShopName(shop.getText()));

        GridPane grid = new GridPane(10, 8);
        grid.addRow(0, tracking);
        grid.addRow(1, delivery, new Label(m.get("followups.settings.afterDays")), deliveryDays);
        grid.addRow(2, birthday);
        grid.addRow(3, winBack, new Label(m.get("followups.settings.afterDays")), winBackDays);
        grid.addRow(4, new Label(m.get("followups.settings.horizon")), new Label(), horizon);
        HBox shopRow = new HBox(8, new Label(m.get("followups.settings.shopName")), shop, saveShop);
        shopRow.setAlignment(Pos.CENTER_LEFT);
        return section(m.get("followups.settings.rulesTitle"), m.get("followups.settings.rulesHint"), new VBox(10, grid, save, shopRow));
    }

    private static Node templates(FollowUpSettingsViewModel vm, Messages m, String locale) {
        ListView<MessageTemplate> list = new ListView<>(vm.templates());
        list.setId("templates-list");
        list.setPrefHeight(180);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(MessageTemplate t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.name() + (t.builtin() ? "  (" + m.get("followups.templates.builtin") + ")" : ""));
            }
        });
        TextField name = new TextField();
        name.setId("template-name");
        TextArea body = new TextArea();
        body.setId("template-body");
        body.setWrapText(true);
        body.setPrefRowCount(5);
        // each placeholder by its name; a click puts it into the text where the cursor is
        javafx.scene.layout.FlowPane placeholders = new javafx.scene.layout.FlowPane(6, 6);
        placeholders.setId("template-placeholders");
        placeholders.getChildren().add(new Label(m.get("followups.templates.placeholders")));
        for (String p : TemplateRenderer.PLACEHOLDERS) {
            javafx.scene.control.Hyperlink insert = new javafx.scene.control.Hyperlink(PlaceholderNames.name(m, p));
            insert.setTooltip(new javafx.scene.control.Tooltip("{" + p + "}"));
            insert.setOnAction(e -> body.insertText(body.getCaretPosition(), "{" + p + "}"));
            placeholders.getChildren().add(insert);
        }
        Long[] editing = {null};
        list.getSelectionModel().selectedItemProperty().addListener((o, was, t) -> {
            if (t != null) {
                editing[0] = t.id();
                name.setText(t.name());
                body.setText(t.body());
            }
        });
        Button newOne = new Button(m.get("followups.templates.new"));
        newOne.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            editing[0] = null;
            name.clear();
            body.clear();
        });
        Label status = new Label();
        status.setId("template-status");
        status.setWrapText(true);
        Button save = new Button(m.get("followups.templates.save"));
        save.setId("template-save");
        save.disableProperty().bind(name.textProperty().isEmpty().or(body.textProperty().isEmpty()));
        save.setOnAction(e -> vm.saveTemplate(editing[0], name.getText(), body.getText(), locale, t -> {
            editing[0] = t.id();
            status.setText(m.get("followups.templates.saved", t.name()));
        }));
        Button delete = new Button(m.get("followups.templates.delete"));
        delete.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            MessageTemplate t = list.getSelectionModel().getSelectedItem();
            return t == null || t.builtin();
        }, list.getSelectionModel().selectedItemProperty()));
        delete.setOnAction(e -> vm.deleteTemplate(list.getSelectionModel().getSelectedItem().id(), locale));

        TextField customer = new TextField();
        customer.setId("template-preview-customer");
        customer.setPromptText(m.get("followups.templates.customerId"));
        customer.setPrefColumnCount(8);
        com.fankeep.ui.common.Fields.fitPrompt(customer);
        Label preview = new Label();
        preview.setId("template-preview");
        preview.setWrapText(true);
        Button previewButton = new Button(m.get("followups.templates.preview"));
        previewButton.setId("template-preview-button");
        previewButton.setOnAction(e -> {
            long id;
            try {
                id = Long.parseLong(customer.getText().strip());
            } catch (NumberFormatException ex) {
                preview.setText(m.get("followups.templates.customerId"));
                return;
            }
            vm.preview(body.getText(), id, r -> preview.setText(r.complete() ? r.text()
                    : r.text() + "\n" + m.get("followups.copiedMissing", PlaceholderNames.list(m, r.missing()))),
                    ex -> preview.setText(ex.getMessage()));
        });
        HBox buttons = new HBox(8, newOne, save, delete);
        HBox previewRow = new HBox(8, customer, previewButton);
        previewRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(name, Priority.ALWAYS);
        VBox editor = new VBox(8, list, new HBox(8, new Label(m.get("followups.templates.name")), name), body, placeholders,
                buttons, status, previewRow, preview);
        return section(m.get("followups.templates.title"), m.get("followups.templates.hint"), editor);
    }

    private static Node section(String heading, String hint, Node content) {
        Label label = new Label(heading);
        label.getStyleClass().add(Styles.TITLE_4);
        Label hintLabel = new Label(hint);
        hintLabel.getStyleClass().add(Styles.TEXT_MUTED);
        hintLabel.setWrapText(true);
        VBox box = new VBox(10, label, hintLabel, content);
        box.getStyleClass().add("settings-section");
        return box;
    }
}
