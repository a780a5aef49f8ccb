package com.fankeep.ui.imports;

import com.fankeep.core.importing.ImportBatch;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.importing.ProblemReport;
import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Dialogs;
import com.fankeep.ui.common.FileType;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Imports page: the imported files (batches), starting an import, a batch's problems, undoing a batch. Lives as
 * long as the main window; its views are rebuilt around it.
 */
public final class ImportsViewModel {

    static final String BATCH_COMMITTED = "committed";

    private final ImportService service;
    private final UiTasks tasks;
    private final Dialogs dialogs;
    private final Supplier<Messages> messages;
    private final Runnable onDataChanged;
    private final ImportFlow flow;
    private final ObservableList<ImportBatch> batches = FXCollections.observableArrayList();
    private final ObservableList<ImportBatch> batchesView = FXCollections.unmodifiableObservableList(batches);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    /** @param onDataChanged called after an import or undo changed the data (the shell refreshes its counts) */
    public ImportsViewModel(ImportService service, UiTasks tasks, Dialogs dialogs, Supplier<Messages> messages,
                            Runnable onDataChanged) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.onDataChanged = onDataChanged;
        this.flow = new ImportFlow(service, tasks, messages, this::imported, this::setNotice);
    }

    public ImportFlow flow() {
        return flow;
    }

    /** The imported files, newest first (undone ones stay listed, marked undone). */
    public ObservableList<ImportBatch> batches() {
        return batchesView;
    }

    /** False until the list was first loaded (the page shows nothing rather than a wrong empty state). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The outcome of the last import or undo in one line, or "". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    private java.util.function.Function<Messages, String> noticeText = m -> "";

    private void setNotice(java.util.function.Function<Messages, String> text) {
        noticeText = text;
        notice.set(text.apply(messages.get()));
    }

    /** Says the notice again in the language now chosen (the page is rebuilt after a language switch). */
    public void relocalize() {
        notice.set(noticeText.apply(messages.get()));
    }

    private UnassignedOrdersModel unassigned;

    /** Orders without a customer, shown on this page (count and "Review…"); null in views without them. */
    public void useUnassigned(UnassignedOrdersModel model) {
        this.unassigned = model;
    }

    public UnassignedOrdersModel unassigned() {
        return unassigned;
    }

    public void refresh() {
        refresh(() -> { });
    }

    private void refresh(Runnable then) {
        if (unassigned != null) {
            unassigned.refreshCount();
        }
        tasks.call(service::batches, list -> {
            batches.setAll(list);
            loaded.set(true);
            then.run();
        });
    }

    /** "Choose files…": the owner picks exports, then the import flow starts. */
    public void chooseFiles() {
        if (flow.busyProperty().get()) {
            return;
        }
        Messages m = messages.get();
        List<Path> files = dialogs.chooseFilesToOpen(m.get("imports.chooser.title"), List.of(
                new FileType(m.get("imports.chooser.exports"), List.of("*.csv", "*.xlsx", "*.xls", "*.vcf")),
                new FileType(m.get("imports.chooser.all"), List.of("*.*"))));
        flow.start(files);
    }

    /** Files dropped on the window or chosen elsewhere. @return false when another import is still under way */
    public boolean importFiles(List<Path> files) {
        return flow.start(files);
    }

    public boolean loadSampleData() {
        return flow.startSample();
    }

    /** Asks first, naming what will disappear; then undoes in the background and refreshes. */
    public void undo(ImportBatch batch, Runnable afterRefresh) {
        if (!BATCH_COMMITTED.equals(batch.status())) {
            return;
        }
        ImportTexts t = new ImportTexts(messages.get());
        Messages m = t.messages();
        String message = batch.orders() > 0 ? t.count("imports.undo.message", batch.orders())
                : m.get("imports.undo.messageNoOrders");
        dialogs.confirm(m.get("imports.undo.title", batch.fileName()), message, m.get("imports.undo.action"),
                m.get("imports.undo.keep")).thenAccept(yes -> {
                    if (yes) {
                        tasks.call(() -> service.undo(batch.id()), removed -> {
                            setNotice(now -> new ImportTexts(now).count("imports.notice.undone", removed, batch.fileName()));
                            refresh(afterRefresh);
                            onDataChanged.run();
                        });
                    }
                });
    }

    /** Loads every problem of {@code batch} in the background and hands them, in the owner's words, to {@code show}. */
    public void problems(ImportBatch batch, Consumer<List<ProblemRow>> show) {
        tasks.call(() -> service.problems(batch.id()), problems -> {
            ImportTexts t = new ImportTexts(messages.get());
            show.accept(problems.stream().map(p -> ProblemRow.of(p, t)).toList());
        });
    }

    /** "Export problems to CSV…": asks where, writes the report in the background, tells {@code saved} where it went. */
    public void exportProblems(ImportBatch batch, Consumer<String> saved) {
        Messages m = messages.get();
        String base = batch.fileName().replaceFirst("\\.[^.]+$", "");
        Path out = dialogs.chooseFileToSave(m.get("imports.problems.saveTitle"), m.get("imports.problems.fileName", base),
                new FileType(m.get("imports.problems.csvType"), List.of("*.csv")));
        if (out == null) {
            return;
        }
        tasks.call(() -> {
            List<ImportProblem> problems = service.problems(batch.id());
            ProblemReport.writeCsv(problems, out);
            return problems.size();
        }, n -> saved.accept(new ImportTexts(messages.get()).count("imports.problems.saved", n, out.toString())));
    }

    private void imported() {
        refresh();
        onDataChanged.run();
    }
}
