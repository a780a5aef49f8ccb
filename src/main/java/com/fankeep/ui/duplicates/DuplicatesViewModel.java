package com.fankeep.ui.duplicates;

import com.fankeep.core.merge.DuplicateSuggestion;
import com.fankeep.core.merge.MergePreview;
import com.fankeep.core.merge.MergeRequest;
import com.fankeep.core.merge.MergeService;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.UiTasks;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Duplicates page: suggested pairs with their evidence, "find duplicates", "not the same person", merge and its undo. */
public final class DuplicatesViewModel {

    static final int LIMIT = 500;

    private final MergeService merges;
    private final UiTasks tasks;
    private final Supplier<Messages> messages;
    private final Runnable onDataChanged;
    private final ObservableList<DuplicateSuggestion> suggestions = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper lastMerge = new ReadOnlyLongWrapper(-1);

    /** @param onDataChanged called after a merge or its undo (the shell refreshes its counts) */
    public DuplicatesViewModel(MergeService merges, UiTasks tasks, Supplier<Messages> messages, Runnable onDataChanged) {
        this.merges = merges;
        this.tasks = tasks;
        this.messages = messages;
        this.onDataChanged = onDataChanged;
    }

    public ObservableList<DuplicateSuggestion> suggestions() {
        return FXCollections.unmodifiableObservableList(suggestions);
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** True while a scan, merge or undo runs (their buttons wait). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The merge "Undo merge" takes back, or -1. */
    public ReadOnlyLongProperty lastMergeProperty() {
        return lastMerge.getReadOnlyProperty();
    }

    public void refresh() {
        tasks.call(() -> merges.suggestions(LIMIT), list -> {
            suggestions.setAll(list);
            loaded.set(true);
        });
    }

    /** "Find duplicates": scans every customer as a job (progress, cancel), then shows what is new. */
    public void scan() {
        busy.set(true);
        tasks.job(messages.get().get("duplicates.scan.job"), merges::scan, r -> {
            busy.set(false);
            notice.set(messages.get().get("duplicates.scan.done", r.pairsFound(), r.newSuggestions()));
            refresh();
        }).stateProperty().addListener((o, was, now) -> {
            if (now.isFinished()) {
                busy.set(false);
            }
        });
    }

    /** "Not the same person". */
    public void dismiss(DuplicateSuggestion s) {
        tasks.call(() -> {
            merges.dismiss(s.a().id(), s.b().id());
            return s;
        }, done -> {
            suggestions.remove(done);
            notice.set(messages.get().get("duplicates.dismissed", name(s.a().name()), name(s.b().name())));
        });
    }

    /** Loads the side-by-side preview of these customers. */
    public void preview(List<Long> ids, Consumer<MergePreview> show) {
        tasks.call(() -> merges.preview(ids), show);
    }

    public void merge(MergeRequest request) {
        busy.set(true);
        tasks.call(() -> merges.merge(request), r -> {
            busy.set(false);
            lastMerge.set(r.mergeId());
            notice.set(messages.get().get("duplicates.merged", r.mergedIds().size() + 1, r.survivorId(), r.ordersMoved()));
            refresh();
            onDataChanged.run();
        }, e -> {
            busy.set(false);
            tasks.reportUnexpected(e);
        });
    }

    public void undoLastMerge() {
        long id = lastMerge.get();
        if (id < 0) {
            return;
        }
        busy.set(true);
        tasks.call(() -> merges.undo(id), ids -> {
            busy.set(false);
            lastMerge.set(-1);
            notice.set(messages.get().get("duplicates.unmerged", ids.size()));
            refresh();
            onDataChanged.run();
        }, e -> {
            busy.set(false);
            if (e instanceof com.fankeep.core.shared.RefusedException r) {
                notice.set(r.localized(messages.get())); // e.g. one of the customers was erased since
            } else {
                tasks.reportUnexpected(e);
            }
        });
    }

    private String name(String n) {
        return n == null ? "—" : n;
    }
}
