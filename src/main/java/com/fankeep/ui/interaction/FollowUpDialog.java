package com.fankeep.ui.interaction;

import com.fankeep.core.followup.FollowUpReason;
import com.fankeep.core.followup.NewFollowUp;
import com.fankeep.core.followup.Recurrence;
import com.fankeep.core.followup.RecurrenceUnit;
import com.fankeep.core.interaction.ContactMedium;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.template.MessageTemplate;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/** Schedules a follow-up: title, date (and time), channel, template, repeat, "keep in touch". */
public final class FollowUpDialog {

    private FollowUpDialog() {
    }

    public static void open(Window owner, Messages m, String customerName, LocalDate today, List<MessageTemplate> templates,
                            Consumer<NewFollowUp> onSave) {
        Dialog<NewFollowUp> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(m.get("followups.schedule.title"));
        dialog.setHeaderText(m.get("followups.schedule.header", customerName));
        TextField title = new TextField();
        title.setId("followup-title");
        title.setPrefColumnCount(30);
        DatePicker date = new DatePicker(today.plusDays(1));
        com.fankeep.ui.common.IsoDates.apply(date);
        date.setId("followup-date");
        TextField time = new TextField();
        time.setPromptText("HH:MM");
        time.setPrefColumnCount(5);
        ComboBox<ContactMedium> channel = new ComboBox<>();
        channel.getItems().setAll(ContactMedium.values());
        channel.setValue(ContactMedium.WECHAT);
        InteractionDialog.labelled(channel, c -> m.get("followups.channel." + c.code()));
        ComboBox<MessageTemplate> template = new ComboBox<>();
        template.getItems().add(null);
        template.getItems().addAll(templates);
        InteractionDialog.labelled(template, t -> t == null ? m.get("followups.schedule.noTemplate") : t.name());
        template.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(MessageTemplate t, boolean empty) {
                super.updateItem(t, empty);
                setText(t == null ? m.get("followups.schedule.noTemplate") : t.name());
            }
        });
        ComboBox<RecurrenceUnit> unit = new ComboBox<>();
        unit.getItems().add(null);
        unit.getItems().addAll(RecurrenceUnit.values());
        InteractionDialog.labelled(unit, u -> m.get("followups.repeat." + (u == null ? "none" : u.code())));
        unit.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(RecurrenceUnit u, boolean empty) {
                super.updateItem(u, empty);
                setText(m.get("followups.repeat." + (u == null ? "none" : u.code())));
            }
        });
        unit.setId("followup-repeat");
        Spinner<Integer> every = new Spinner<>(1, 365, 1);
        every.setEditable(true);
        every.setPrefWidth(80);
        every.disableProperty().bind(unit.valueProperty().isNull().or(unit.valueProperty().isEqualTo(RecurrenceUnit.BIRTHDAY)));
        CheckBox keep = new CheckBox(m.get("followups.schedule.keepInTouch"));
        keep.setId("followup-keep-in-touch");

        GridPane grid = new GridPane(10, 8);
        int row = 0;
        grid.addRow(row++, InteractionDialog.label(m.get("followups.schedule.what")), title);
        grid.addRow(row++, InteractionDialog.label(m.get("followups.schedule.due")), new HBox(8, date, time));
        grid.addRow(row++, InteractionDialog.label(m.get("followups.interaction.channel")), channel);
        grid.addRow(row++, InteractionDialog.label(m.get("followups.schedule.template")), template);
        grid.addRow(row++, InteractionDialog.label(m.get("followups.schedule.repeat")), new HBox(8, unit, new Label(m.get("followups.schedule.every")), every));
        grid.add(keep, 1, row);
        dialog.getDialogPane().setContent(grid);
        ButtonType save = new ButtonType(m.get("followups.schedule.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(m.get("followups.cancelButton"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("followup-save");
        saveButton.disableProperty().bind(title.textProperty().isEmpty().or(date.valueProperty().isNull()));
        dialog.setResultConverter(b -> {
            if (b != save) {
                return null;
            }
            LocalTime t = null;
            try {
                t = time.getText().isBlank() ? null : LocalTime.parse(time.getText().strip());
            } catch (DateTimeParseException e) {
                t = null;
            }
            Recurrence r = unit.getValue() == null ? null
                    : unit.getValue() == RecurrenceUnit.BIRTHDAY ? Recurrence.birthday() : new Recurrence(unit.getValue(), every.getValue());
            MessageTemplate tpl = template.getValue();
            return new NewFollowUp(title.getText(), keep.isSelected() ? FollowUpReason.KEEP_IN_TOUCH : FollowUpReason.MANUAL,
                    date.getValue(), t, channel.getValue(), tpl == null ? null : tpl.id(), r);
        });
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                onSave.accept(dialog.getResult());
            }
        });
        dialog.show();
    }
}
