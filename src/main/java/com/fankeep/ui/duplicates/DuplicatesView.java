package com.fankeep.ui.duplicates;

import atlantafx.base.theme.Styles;
import com.fankeep.core.merge.CustomerCard;
import com.fankeep.core.merge.DuplicateSuggestion;
import com.fankeep.core.merge.Evidence;
import com.fankeep.core.shared.Messages;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/** Duplicates: pairs that may be one person, with the evidence; merge them (side-by-side preview) or dismiss them. */
public final class DuplicatesView {

    public static final Ikon ICON = MaterialDesignA.ACCOUNT_MULTIPLE_CHECK_OUTLINE;

    private final VBox root;

    public DuplicatesView(DuplicatesViewModel vm, Messages m) {
        Label title = new Label(m.get("duplicates.title"));
        title.setId("duplicates-title");
        title.getStyleClass().add(Styles.TITLE_3);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button undo = new Button(m.get("duplicates.undoMerge"), new FontIcon(MaterialDesignU.UNDO));
        undo.setId("undo-merge");
        undo.visibleProperty().bind(vm.lastMergeProperty().greaterThanOrEqualTo(0));
        undo.managedProperty().bind(undo.visibleProperty());
        undo.disableProperty().bind(vm.busyProperty());
        undo.setOnAction(e -> vm.undoLastMerge());
        Button scan = new Button(m.get("duplicates.scan"), new FontIcon(MaterialDesignM.MAGNIFY));
        scan.setId("find-duplicates");
        scan.getStyleClass().add(Styles.ACCENT);
        scan.disableProperty().bind(vm.busyProperty());
        scan.setOnAction(e -> vm.scan());
        HBox header = new HBox(10, title, spacer, undo, scan);
        header.setAlignment(Pos.CENTER_LEFT);

        Label hint = new Label(m.get("duplicates.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        Label notice = new Label();
        notice.setId("duplicates-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        ListView<DuplicateSuggestion> list = new ListView<>(vm.suggestions());
        list.setId("duplicate-list");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPlaceholder(new Label(m.get("duplicates.empty")));
        list.setCellFactory(v -> new PairCell(vm, m));
        VBox.setVgrow(list, Priority.ALWAYS);

        Button mergeSelected = new Button(m.get("duplicates.mergeSelected"), new FontIcon(MaterialDesignC.CALL_MERGE));
        mergeSelected.setId("merge-selected");
        mergeSelected.disableProperty().bind(Bindings.isEmpty(list.getSelectionModel().getSelectedItems()).or(vm.busyProperty()));
        mergeSelected.setOnAction(e -> {
            Set<Long> ids = new LinkedHashSet<>();
            for (DuplicateSuggestion s : list.getSelectionModel().getSelectedItems()) {
                ids.add(s.a().id());
                ids.add(s.b().id());
            }
            openMerge(vm, m, list, List.copyOf(ids));
        });
        Label selectHint = new Label(m.get("duplicates.selectHint"));
        selectHint.getStyleClass().add(Styles.TEXT_MUTED);
        selectHint.setWrapText(true);
        mergeSelected.setMinWidth(Region.USE_PREF_SIZE);
        HBox actions = new HBox(10, mergeSelected, selectHint);
        actions.setAlignment(Pos.CENTER_LEFT);

        root = new VBox(12, header, hint, notice, list, actions);
        root.getStyleClass().add("duplicates-page");
        vm.refresh();
    }

    static void openMerge(DuplicatesViewModel vm, Messages m, Node anchor, List<Long> ids) {
        vm.preview(ids, preview -> MergeDialog.show(anchor.getScene().getWindow(), preview, m).ifPresent(vm::merge));
    }

    public Node node() {
        return root;
    }

    /** One pair: both customers side by side, the evidence, and the two decisions. */
    private static final class PairCell extends ListCell<DuplicateSuggestion> {
        private final DuplicatesViewModel vm;
        private final Messages m;

        PairCell(DuplicatesViewModel vm, Messages m) {
            this.vm = vm;
            this.m = m;
        }

        @Override
        protected void updateItem(DuplicateSuggestion s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            VBox evidence = new VBox(2);
            // how strong, and why: "Weak (45/100): same name, same city; no shared phone or e-mail"
            Label strength = new Label(s.strengthLine(m));
            strength.setTooltip(new javafx.scene.control.Tooltip(s.explain(m)));
            strength.getStyleClass().addAll("duplicate-strength", "duplicate-strength-" + s.level(), Styles.TEXT_BOLD);
            strength.setWrapText(true);
            evidence.getChildren().add(strength);
            for (Evidence e : s.evidence()) {
                Label l = new Label(new EvidenceText(m).evidence(e));
                l.getStyleClass().add("duplicate-evidence");
                l.setWrapText(true);
                evidence.getChildren().add(l);
            }
            evidence.setPrefWidth(200);
            HBox.setHgrow(evidence, Priority.ALWAYS);
            Button merge = new Button(m.get("duplicates.merge"), new FontIcon(MaterialDesignC.CALL_MERGE));
            merge.getStyleClass().add("merge-pair");
            merge.disableProperty().bind(vm.busyProperty());
            merge.setOnAction(e -> openMerge(vm, m, this, List.of(s.a().id(), s.b().id())));
            Button dismiss = new Button(m.get("duplicates.dismiss"));
            dismiss.getStyleClass().add("dismiss-pair");
            dismiss.setOnAction(e -> vm.dismiss(s));
            merge.setMinWidth(Region.USE_PREF_SIZE);
            dismiss.setMinWidth(Region.USE_PREF_SIZE);
            merge.setMaxWidth(Double.MAX_VALUE);
            dismiss.setMaxWidth(Double.MAX_VALUE);
            VBox buttons = new VBox(6, merge, dismiss);
            buttons.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(16, card(s.a()), card(s.b()), evidence, buttons);
            row.setAlignment(Pos.CENTER_LEFT);
            // as wide as the list, never wider: the cards share it and their lines wrap instead of being cut
            row.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
            row.setMaxWidth(Region.USE_PREF_SIZE);
            setGraphic(row);
        }

        private Node card(CustomerCard c) {
            Label name = new Label("#" + c.id() + " " + (c.name() == null ? "—" : c.name()));
            name.getStyleClass().add(Styles.TEXT_BOLD);
            name.setWrapText(true);
            Label figures = new Label(m.get("duplicates.card.figures", c.orderCount(), c.netSpend().isEmpty() ? "—" : c.netSpend(),
                    c.lastOrderAt() == null ? "—" : c.lastOrderAt().toLocalDate().toString()));
            figures.getStyleClass().add(Styles.TEXT_MUTED);
            figures.setWrapText(true);
            VBox box = new VBox(2, name, figures);
            EvidenceText words = new EvidenceText(m);
            // one line per channel; a long address shows whole in its tooltip
            for (String channel : c.channels().stream().limit(6).map(words::channel).toList()) {
                Label line = new Label(channel);
                line.setTooltip(new javafx.scene.control.Tooltip(channel));
                box.getChildren().add(line);
            }
            box.setPrefWidth(200);
            HBox.setHgrow(box, Priority.ALWAYS);
            return box;
        }
    }
}
