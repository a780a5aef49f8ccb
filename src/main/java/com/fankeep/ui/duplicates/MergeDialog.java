package com.fankeep.ui.duplicates;

import atlantafx.base.theme.Styles;
import com.fankeep.core.merge.CustomerCard;
import com.fankeep.core.merge.MergeField;
import com.fankeep.core.merge.MergePreview;
import com.fankeep.core.merge.MergeRequest;
import com.fankeep.core.shared.Messages;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The side-by-side merge preview: one column per customer, which one is kept, and per field whose value survives.
 * Orders, channels, tags, interactions and follow-ups of all of them go to the kept one.
 */
final class MergeDialog {

    private MergeDialog() {
    }

    /** @return the merge the owner confirmed, or empty when they cancelled */
    static Optional<MergeRequest> show(Window owner, MergePreview preview, Messages m) {
        Dialog<MergeRequest> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(m.get("duplicates.merge.title"));
        dialog.setHeaderText(m.get("duplicates.merge.header"));

        GridPane grid = new GridPane(16, 8);
        grid.setId("merge-grid");
        ToggleGroup keep = new ToggleGroup();
        Map<MergeField, ToggleGroup> fields = new EnumMap<>(MergeField.class);
        int col = 1;
        for (CustomerCard c : preview.customers()) {
            RadioButton k = new RadioButton(m.get("duplicates.merge.keep", c.id(), c.name() == null ? "—" : c.name(), c.orderCount()));
            k.setId("merge-keep-" + c.id());
            k.setUserData(c.id());
            k.setToggleGroup(keep);
            k.setSelected(c.id() == preview.survivorId());
            k.getStyleClass().add(Styles.TEXT_BOLD);
            grid.add(k, col++, 0);
        }
        int row = 1;
        for (MergeField f : MergeField.values()) {
            Label name = new Label(m.get("duplicates.field." + f.name().toLowerCase(Locale.ROOT)));
            name.getStyleClass().add(Styles.TEXT_MUTED);
            grid.add(name, 0, row);
            ToggleGroup group = new ToggleGroup();
            fields.put(f, group);
            col = 1;
            for (CustomerCard c : preview.customers()) {
                String value = c.fields().getOrDefault(f, "");
                RadioButton r = new RadioButton(value.isBlank() ? "—" : value);
                r.setUserData(c.id());
                r.setToggleGroup(group);
                r.setWrapText(true);
                r.setMaxWidth(260);
                r.setSelected(preview.valuesFrom().get(f) == c.id());
                grid.add(r, col++, row);
            }
            row++;
        }
        Label channels = new Label(m.get("duplicates.merge.channels"));
        grid.add(channels, 0, row);
        col = 1;
        for (CustomerCard c : preview.customers()) {
            EvidenceText words = new EvidenceText(m);
            Label l = new Label(String.join("\n", c.channels().stream().map(words::channel).toList()) + "\n" + c.netSpend());
            l.setWrapText(true);
            l.setMaxWidth(260);
            grid.add(l, col++, row);
        }
        Label moves = new Label(m.get("duplicates.merge.moves"));
        moves.setWrapText(true);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(420);
        dialog.getDialogPane().setContent(new VBox(12, scroll, moves));
        dialog.getDialogPane().setPrefWidth(Math.min(1100, 260 + 280 * preview.customers().size()));
        dialog.getDialogPane().getStyleClass().add("wide-dialog"); // the theme caps dialogs at 600 px
        for (javafx.scene.Node n : grid.getChildren()) {
            if (n instanceof Label || n.getId() != null && n.getId().startsWith("merge-keep-")) {
                ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }

        ButtonType merge = new ButtonType(m.get("duplicates.merge.action", preview.customers().size()), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(m.get("duplicates.merge.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(cancel, merge);
        dialog.setResultConverter(button -> {
            if (button != merge) {
                return null;
            }
            Map<MergeField, Long> from = new EnumMap<>(MergeField.class);
            fields.forEach((f, g) -> {
                if (g.getSelectedToggle() != null) {
                    from.put(f, (Long) g.getSelectedToggle().getUserData());
                }
            });
            long survivor = (Long) keep.getSelectedToggle().getUserData();
            return new MergeRequest(preview.customers().stream().map(CustomerCard::id).toList(), survivor, from);
        });
        return dialog.showAndWait();
    }
}
