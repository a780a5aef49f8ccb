package com.fankeep.ui.segments;

import atlantafx.base.theme.Styles;
import com.fankeep.core.segment.FieldKind;
import com.fankeep.core.segment.Op;
import com.fankeep.core.segment.SavedSegment;
import com.fankeep.core.segment.SegmentField;
import com.fankeep.core.segment.SegmentSize;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Shown;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * Smart segments (客户分群): saved segments on the left; on the right the rule as an editor (nested groups of
 * field / operator / value rows) and as text, kept in step, with the live count and save, rename, delete.
 */
public final class SegmentsView {

    public static final Ikon ICON = MaterialDesignF.FILTER_VARIANT;
    /** Typing in the text waits this long before the rule is read and counted. */
    static final Duration DEBOUNCE = Duration.millis(250);

    private final SegmentsViewModel vm;
    private final Messages m;
    private final HBox root = new HBox(16);
    private final VBox editor = new VBox(8);
    private final TextArea text = new TextArea();
    private final List<Object> keep = new ArrayList<>();
    private boolean settingText;

    public SegmentsView(SegmentsViewModel vm, Messages m) {
        this.vm = vm;
        this.m = m;
        root.setPadding(new Insets(16));
        root.getChildren().addAll(savedList(), main());
        HBox.setHgrow(root.getChildren().get(1), Priority.ALWAYS);
        redrawEditor();
        vm.refresh();
    }

    public Node node() {
        return root;
    }

    /** Listens for as long as the view is alive (the ViewModel outlives views rebuilt on a language switch). */
    private void watch(Observable o, InvalidationListener l) {
        keep.add(l);
        o.addListener(new WeakInvalidationListener(l));
    }

    private Node savedList() {
        Label title = new Label(m.get("segments.saved.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        ListView<SavedSegment> list = new ListView<>(vm.saved());
        list.setId("segments-saved");
        list.setPrefWidth(220);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SavedSegment s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.name());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now != vm.selectedProperty().get()) {
                vm.open(now);
            }
        });
        watch(vm.selectedProperty(), o -> {
            SavedSegment s = vm.selectedProperty().get();
            if (s == null) {
                list.getSelectionModel().clearSelection();
            } else if (!s.equals(list.getSelectionModel().getSelectedItem())) {
                list.getItems().stream().filter(x -> x.id() == s.id()).findFirst().ifPresent(x -> list.getSelectionModel().select(x));
            }
        });
        Button fresh = new Button(m.get("segments.new"));
        fresh.setId("segments-new");
        fresh.setOnAction(e -> vm.startNew());
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        fresh.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(8, title, list, fresh);
        VBox.setVgrow(list, Priority.ALWAYS);
        // the editor beside it grows; the list keeps its own width
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return box;
    }

    private Node main() {
        Label title = new Label(m.get("segments.title"));
        title.setId("segments-title");
        title.getStyleClass().add(Styles.TITLE_3);

        TextField name = new TextField();
        name.setId("segments-name");
        name.setPromptText(m.get("segments.name.prompt"));
        name.textProperty().bindBidirectional(vm.nameProperty());
        Button save = new Button(m.get("segments.save"));
        save.setId("segments-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> vm.save());
        Button delete = new Button(m.get("segments.delete"));
        delete.setId("segments-delete");
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        delete.setOnAction(e -> vm.delete());
        HBox nameRow = new HBox(8, new Label(m.get("segments.name")), name, save, delete);
        nameRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(name, Priority.ALWAYS);

        Label count = new Label();
        count.setId("segments-count");
        count.getStyleClass().add(Styles.TITLE_4);
        InvalidationListener showCount = o -> count.setText(countText(vm.sizeProperty().get(), vm.countingProperty().get()));
        watch(vm.sizeProperty(), showCount);
        watch(vm.countingProperty(), showCount);
        showCount.invalidated(null);

        Label error = new Label();
        error.setId("segments-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Label notice = new Label();
        notice.setId("segments-notice");
        notice.textProperty().bind(vm.noticeProperty());

        text.setId("segments-text");
        text.setPrefRowCount(3);
        text.setWrapText(true);
        text.setPromptText(m.get("segments.text.prompt"));
        text.setText(vm.ruleTextProperty().get());
        PauseTransition debounce = new PauseTransition(DEBOUNCE);
        debounce.setOnFinished(e -> {
            settingText = true;
            try {
                vm.ruleTextProperty().set(text.getText());
            } finally {
                settingText = false;
            }
        });
        text.textProperty().addListener((o, was, now) -> {
            if (!settingText) {
                debounce.playFromStart();
            }
        });
        watch(vm.ruleTextProperty(), o -> {
            if (!settingText && !text.getText().equals(vm.ruleTextProperty().get())) {
                settingText = true;
                try {
                    text.setText(vm.ruleTextProperty().get());
                } finally {
                    settingText = false;
                }
            }
        });
        watch(vm.treeVersionProperty(), o -> redrawEditor());

        Label textLabel = new Label(m.get("segments.text"));
        Label help = new Label(m.get("segments.text.help"));
        help.getStyleClass().add(Styles.TEXT_MUTED);
        help.setWrapText(true);
        ScrollPane scroll = new ScrollPane(editor);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox box = new VBox(10, title, nameRow, count, scroll, textLabel, text, error, help, notice);
        return box;
    }

    private String countText(SegmentSize size, boolean counting) {
        if (size == null) {
            return counting ? m.get("segments.counting") : m.get("segments.count.none");
        }
        String s = m.get("segments.count", size.count(), size.doNotContact());
        return counting ? s + " …" : s;
    }

    private void redrawEditor() {
        editor.getChildren().setAll(group(vm.tree(), null, 0));
    }

    private Node group(RuleTree.Group g, RuleTree.Group parent, int depth) {
        ComboBox<Boolean> kind = new ComboBox<>(FXCollections.observableArrayList(false, true));
        kind.setConverter(Shown.as(b -> m.get(b ? "segments.group.any" : "segments.group.all")));
        kind.setValue(g.any);
        kind.setOnAction(e -> {
            g.any = kind.getValue();
            vm.editorChanged();
        });
        CheckBox not = negate(g);
        Button addRow = new Button(m.get("segments.addRow"));
        addRow.setId(depth == 0 ? "segments-add-row" : null);
        addRow.setOnAction(e -> vm.addRow(g));
        Button addGroup = new Button(m.get("segments.addGroup"));
        addGroup.setOnAction(e -> vm.addGroup(g));
        HBox head = new HBox(8, not, kind, addRow, addGroup);
        head.setAlignment(Pos.CENTER_LEFT);
        if (parent != null) {
            Button remove = new Button(m.get("segments.removeGroup"));
            remove.setOnAction(e -> vm.remove(parent, g));
            head.getChildren().add(remove);
        }
        VBox box = new VBox(6, head);
        for (RuleTree.Node child : g.children) {
            box.getChildren().add(child instanceof RuleTree.Group cg ? group(cg, g, depth + 1) : row((RuleTree.Row) child, g));
        }
        box.getStyleClass().add("segment-group");
        box.setPadding(new Insets(6, 6, 6, depth == 0 ? 0 : 18));
        if (depth > 0) {
            box.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 0 0 0 2;");
        }
        return box;
    }

    private CheckBox negate(RuleTree.Node n) {
        CheckBox not = new CheckBox(m.get("segments.not"));
        not.setSelected(n.negated);
        not.setOnAction(e -> {
            n.negated = not.isSelected();
            vm.editorChanged();
        });
        return not;
    }

    private Node row(RuleTree.Row r, RuleTree.Group parent) {
        ComboBox<SegmentField> field = new ComboBox<>(FXCollections.observableArrayList(SegmentField.values()));
        field.getStyleClass().add("segment-field");
        field.setConverter(Shown.as(f -> m.get("segments.field." + f.word())));
        field.setValue(r.field);
        field.setOnAction(e -> {
            r.field = field.getValue();
            r.fieldChanged();
            vm.editorChanged();
            redrawEditor();
        });
        HBox row = new HBox(6, negate(r), field);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("segment-row");
        FieldKind kind = r.field.kind();
        if (kind == FieldKind.PARTICIPATION) {
            TextField name = new TextField(r.subject);
            name.getStyleClass().add("segment-subject");
            name.setPromptText(m.get("segments.subject." + r.field.word()));
            name.setPrefColumnCount(8);
            name.textProperty().addListener((o, was, now) -> {
                r.subject = now;
                vm.editorChanged();
            });
            row.getChildren().add(name);
        }
        if (kind != FieldKind.FLAG && kind != FieldKind.HAS) {
            ComboBox<Op> op = new ComboBox<>(FXCollections.observableArrayList(r.field.ops()));
            op.getStyleClass().add("segment-op");
            op.setConverter(Shown.as(o -> m.get("segments.op." + o.name().toLowerCase(java.util.Locale.ROOT))));
            op.setValue(r.op);
            op.setOnAction(e -> {
                r.op = op.getValue();
                vm.editorChanged();
            });
            row.getChildren().add(op);
        }
        if (kind == FieldKind.CHOICE || kind == FieldKind.HAS || kind == FieldKind.PARTICIPATION) {
            ComboBox<String> value = new ComboBox<>(FXCollections.observableArrayList(r.field.choiceCodes()));
            value.getStyleClass().add("segment-value");
            SegmentField f = r.field;
            value.setConverter(Shown.as(code -> f.choiceAlias(code) + (f.choiceAlias(code).equals(code) ? "" : " (" + code + ")")));
            value.setValue(r.value);
            value.setOnAction(e -> {
                r.value = value.getValue();
                vm.editorChanged();
            });
            row.getChildren().add(value);
        } else if (kind != FieldKind.FLAG) {
            TextField value = new TextField(r.value);
            value.getStyleClass().add("segment-value");
            value.setPromptText(m.get("segments.value." + kind.name().toLowerCase(java.util.Locale.ROOT)));
            value.textProperty().addListener((o, was, now) -> {
                r.value = now;
                vm.editorChanged();
            });
            HBox.setHgrow(value, Priority.ALWAYS);
            row.getChildren().add(value);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.SOMETIMES);
        Button remove = new Button("✕");
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        remove.setOnAction(e -> vm.remove(parent, r));
        row.getChildren().addAll(gap, remove);
        return row;
    }
}
