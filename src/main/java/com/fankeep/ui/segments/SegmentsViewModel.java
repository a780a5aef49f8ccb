package com.fankeep.ui.segments;

import com.fankeep.core.segment.Rule;
import com.fankeep.core.segment.RuleParser;
import com.fankeep.core.segment.RulePrinter;
import com.fankeep.core.segment.SavedSegment;
import com.fankeep.core.segment.SegmentField;
import com.fankeep.core.segment.SegmentRuleException;
import com.fankeep.core.segment.SegmentService;
import com.fankeep.core.segment.SegmentSize;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.UiTasks;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Segments page: the rule as text and as an editor tree (either one edited, the other follows), its live count,
 * and the saved segments. Counting runs off the FX thread; at most one count runs at a time, a newer rule waits for
 * it and older results are dropped, so typing fast never piles up queries or shows a stale number.
 */
public final class SegmentsViewModel {

    private final SegmentService segments;
    private final UiTasks tasks;
    private final Supplier<Messages> messages;

    private final StringProperty ruleText = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final IntegerProperty errorColumn = new SimpleIntegerProperty(0);
    private final ObjectProperty<SegmentSize> size = new SimpleObjectProperty<>();
    private final BooleanProperty counting = new SimpleBooleanProperty();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<SavedSegment> selected = new SimpleObjectProperty<>();
    private final ObservableList<SavedSegment> saved = FXCollections.observableArrayList();
    private final StringProperty notice = new SimpleStringProperty("");
    /** Bumped when the tree was rebuilt from the text (the view redraws the editor). */
    private final IntegerProperty treeVersion = new SimpleIntegerProperty();

    private RuleTree.Group tree = new RuleTree.Group();
    private boolean fromEditor;
    private long generation;
    private boolean inFlight;
    private Rule pending;

    public SegmentsViewModel(SegmentService segments, UiTasks tasks, Supplier<Messages> messages) {
        this.segments = segments;
        this.tasks = tasks;
        this.messages = messages;
        ruleText.addListener((o, was, now) -> textChanged(now));
    }

    public StringProperty ruleTextProperty() {
        return ruleText;
    }

    /** The parse error of the text ("column 15: unknown field …"), empty when it parses. */
    public StringProperty errorProperty() {
        return error;
    }

    public IntegerProperty errorColumnProperty() {
        return errorColumn;
    }

    /** The live count of the current rule; null while there is none yet. */
    public ObjectProperty<SegmentSize> sizeProperty() {
        return size;
    }

    public BooleanProperty countingProperty() {
        return counting;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<SavedSegment> selectedProperty() {
        return selected;
    }

    public ObservableList<SavedSegment> saved() {
        return saved;
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    IntegerProperty treeVersionProperty() {
        return treeVersion;
    }

    RuleTree.Group tree() {
        return tree;
    }

    public void refresh() {
        tasks.call(segments::list, list -> saved.setAll(list));
    }

    /** The editor changed the tree: print it into the text (which parses it, shows errors and counts). */
    void editorChanged() {
        Rule rule = RuleTree.rule(tree);
        fromEditor = true;
        try {
            ruleText.set(rule == null ? "" : RulePrinter.print(rule, inChinese()));
        } finally {
            fromEditor = false;
        }
    }

    /** A new, empty row in {@code group}. */
    void addRow(RuleTree.Group group) {
        group.children.add(RuleTree.Row.of(SegmentField.CITY));
        editorChanged();
        treeVersion.set(treeVersion.get() + 1);
    }

    void addGroup(RuleTree.Group group) {
        RuleTree.Group g = new RuleTree.Group();
        g.any = !group.any;
        g.children.add(RuleTree.Row.of(SegmentField.CITY));
        group.children.add(g);
        editorChanged();
        treeVersion.set(treeVersion.get() + 1);
    }

    void remove(RuleTree.Group parent, RuleTree.Node child) {
        parent.children.remove(child);
        editorChanged();
        treeVersion.set(treeVersion.get() + 1);
    }

    private boolean inChinese() {
        return messages.get().locale().getLanguage().equals("zh");
    }

    private void textChanged(String text) {
        if (text == null || text.isBlank()) {
            error.set("");
            errorColumn.set(0);
            if (!fromEditor) {
                tree = new RuleTree.Group();
                treeVersion.set(treeVersion.get() + 1);
            }
            generation++;
            pending = null;
            size.set(null);
            return;
        }
        Rule rule;
        try {
            rule = RuleParser.parse(text);
        } catch (SegmentRuleException e) {
            error.set(e.localized(messages.get()));
            errorColumn.set(e.column());
            return;
        }
        error.set("");
        errorColumn.set(0);
        if (!fromEditor) {
            tree = RuleTree.of(rule);
            treeVersion.set(treeVersion.get() + 1);
        }
        count(rule);
    }

    /** Counts {@code rule} in the background; a count already running finishes first, older results are dropped. */
    private void count(Rule rule) {
        generation++;
        if (inFlight) {
            pending = rule;
            return;
        }
        start(rule, generation);
    }

    private void start(Rule rule, long gen) {
        inFlight = true;
        counting.set(true);
        tasks.call(() -> segments.size(rule), result -> finished(gen, result), failure -> {
            finished(gen, null);
            tasks.reportUnexpected(failure);
        });
    }

    private void finished(long gen, SegmentSize result) {
        inFlight = false;
        if (gen == generation && result != null) {
            size.set(result);
        }
        if (pending != null) {
            Rule next = pending;
            pending = null;
            start(next, generation);
        } else {
            counting.set(false);
        }
    }

    /** Opens a saved segment in the editor. */
    public void open(SavedSegment segment) {
        selected.set(segment);
        if (segment != null) {
            name.set(segment.name());
            ruleText.set(segment.rule());
        }
    }

    /** Starts a new, empty rule. */
    public void startNew() {
        selected.set(null);
        name.set("");
        ruleText.set("");
    }

    /** Saves the current rule under the name (replacing that name's rule); refused while the rule has an error. */
    public void save() {
        String n = name.get() == null ? "" : name.get().strip();
        String text = ruleText.get();
        if (!error.get().isEmpty() || text.isBlank()) {
            notice.set(messages.get().get("segments.save.needsRule"));
            return;
        }
        if (n.isEmpty()) {
            notice.set(messages.get().get("segments.save.needsName"));
            return;
        }
        SavedSegment current = selected.get();
        tasks.call(() -> {
            if (current != null && !current.name().equals(n)) {
                segments.rename(current.name(), n);
            }
            SavedSegment s = segments.save(n, text);
            return new Object[] {s, segments.list()};
        }, r -> {
            SavedSegment s = (SavedSegment) r[0];
            @SuppressWarnings("unchecked")
            List<SavedSegment> list = (List<SavedSegment>) r[1];
            saved.setAll(list);
            selected.set(s);
            notice.set(messages.get().get("segments.saved", s.name()));
        }, failure -> {
            if (failure instanceof SegmentRuleException e) {
                notice.set(e.localized(messages.get()));
            } else {
                tasks.reportUnexpected(failure);
            }
        });
    }

    /** Deletes the selected saved segment (the rule stays in the editor). */
    public void delete() {
        SavedSegment current = selected.get();
        if (current == null) {
            return;
        }
        tasks.call(() -> {
            segments.delete(current.name());
            return segments.list();
        }, list -> {
            saved.setAll(list);
            selected.set(null);
            notice.set(messages.get().get("segments.deleted", current.name()));
        });
    }
}
