package com.fankeep.ui.interaction;

import com.fankeep.core.interaction.ContactMedium;
import com.fankeep.core.interaction.InteractionKind;
import com.fankeep.core.interaction.NewInteraction;
import com.fankeep.core.shared.Messages;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The reusable "log interaction" dialog: kind, channel, when (default now), summary, longer text, shareable story
 * with consent. Not modal-blocking: {@code onSave} gets the entry when the owner saves.
 */
public final class InteractionDialog {

    /** What the dialog starts with (e.g. from a follow-up: its channel and title). */
    public record Prefill(long customerId, String customerName, InteractionKind kind, ContactMedium channel, String summary,
                          java.time.OffsetDateTime at, String body, boolean shareable, boolean consent) {

        public Prefill(long customerId, String customerName, InteractionKind kind, ContactMedium channel, String summary) {
            this(customerId, customerName, kind, channel, summary, null, null, false, false);
        }

        /** To edit an interaction already logged. */
        public static Prefill of(com.fankeep.core.interaction.Interaction i, String customerName) {
            return new Prefill(i.customerId(), customerName, i.kind(), i.channel(), i.summary(), i.occurredAt(), i.body(),
                    i.shareable(), i.consentAt() != null);
        }
    }

    private InteractionDialog() {
    }

    public static Dialog<NewInteraction> open(Window owner, Messages m, Prefill p, ZoneId zone, Consumer<NewInteraction> onSave) {
        Dialog<NewInteraction> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(m.get("followups.interaction.dialogTitle"));
        dialog.setHeaderText(m.get("followups.interaction.dialogHeader", p.customerName()));

        ComboBox<InteractionKind> kind = new ComboBox<>();
        kind.getItems().setAll(InteractionKind.values());
        kind.setValue(p.kind() == null ? InteractionKind.CHAT : p.kind());
        labelled(kind, k -> m.get("followups.kind." + k.code()));
        kind.setId("interaction-kind");
        ComboBox<ContactMedium> channel = new ComboBox<>();
        channel.getItems().setAll(ContactMedium.values());
        channel.setValue(p.channel() == null ? ContactMedium.WECHAT : p.channel());
        labelled(channel, c -> m.get("followups.channel." + c.code()));
        channel.setId("interaction-channel");
        java.time.ZonedDateTime start = p.at() == null ? java.time.ZonedDateTime.now(zone) : p.at().atZoneSameInstant(zone);
        DatePicker date = new DatePicker(start.toLocalDate());
        com.fankeep.ui.common.IsoDates.apply(date);
        date.setId("interaction-date");
        TextField time = new TextField(start.toLocalTime().withSecond(0).withNano(0).toString());
        time.setId("interaction-time");
        time.setPrefColumnCount(5);
        TextField summary = new TextField(p.summary() == null ? "" : p.summary());
        summary.setId("interaction-summary");
        summary.setPrefColumnCount(36);
        TextArea body = new TextArea(p.body() == null ? "" : p.body());
        body.setId("interaction-body");
        body.setPrefRowCount(4);
        body.setWrapText(true);
        CheckBox shareable = new CheckBox(m.get("followups.interaction.shareable"));
        shareable.setId("interaction-shareable");
        CheckBox consent = new CheckBox(m.get("followups.interaction.consent"));
        consent.setId("interaction-consent");
        consent.disableProperty().bind(shareable.selectedProperty().not());
        shareable.setSelected(p.shareable());
        consent.setSelected(p.consent());

        GridPane grid = new GridPane(10, 8);
        int row = 0;
        grid.addRow(row++, label(m.get("followups.interaction.kind")), kind);
        grid.addRow(row++, label(m.get("followups.interaction.channel")), channel);
        grid.addRow(row++, label(m.get("followups.interaction.when")), new javafx.scene.layout.HBox(8, date, time));
        grid.addRow(row++, label(m.get("followups.interaction.summary")), summary);
        grid.addRow(row++, label(m.get("followups.interaction.body")), body);
        grid.add(shareable, 1, row++);
        grid.add(consent, 1, row);
        dialog.getDialogPane().setContent(grid);

        ButtonType save = new ButtonType(m.get("followups.interaction.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(m.get("followups.cancelButton"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("interaction-save");
        ((Button) dialog.getDialogPane().lookupButton(cancel)).setId("interaction-cancel");
        saveButton.disableProperty().bind(summary.textProperty().isEmpty().or(date.valueProperty().isNull()));

        dialog.setResultConverter(b -> {
            if (b != save) {
                return null;
            }
            LocalTime t;
            try {
                t = time.getText().isBlank() ? LocalTime.NOON : LocalTime.parse(time.getText().strip());
            } catch (DateTimeParseException e) {
                t = LocalTime.NOON;
            }
            return new NewInteraction(p.customerId(), kind.getValue(), channel.getValue(),
                    date.getValue().atTime(t).atZone(zone).toOffsetDateTime(), summary.getText(), body.getText(),
                    shareable.isSelected(), consent.isSelected());
        });
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                onSave.accept(dialog.getResult());
            }
        });
        dialog.show();
        summary.requestFocus();
        return dialog;
    }

    /** A form label that keeps its full text (a narrow column would cut it to "..."). */
    static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    static <T> void labelled(ComboBox<T> box, java.util.function.Function<T, String> text) {
        box.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
    }
}
