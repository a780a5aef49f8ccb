package com.fankeep.ui.imports;

import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.importing.ImportSession;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.importing.currency.CurrencyQuestion;
import com.fankeep.core.importing.SampleData;
import com.fankeep.core.importing.mapping.UnknownSheet;
import com.fankeep.core.shared.Folders;
import com.fankeep.core.shared.CancelledException;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.LongJob;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.Progress;
import com.fankeep.ui.common.JobHandle;
import com.fankeep.ui.common.JobState;
import com.fankeep.ui.common.UiTasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import from files to stored data: a long job reads the files into an open transaction (cancel = nothing stored),
 * the owner sees the {@link #previewProperty() preview}, then {@link #accept()} commits or {@link #decline()} rolls
 * back. One import at a time. Everything here is called on the FX thread.
 */
public final class ImportFlow {

    private static final Logger LOG = LoggerFactory.getLogger(ImportFlow.class);
    /** The invented sample shop sells from China; its export times are China time (as `fankeep sample load`). */
    static final ZoneId SAMPLE_ZONE = ZoneId.of("Asia/Shanghai");

    private final ImportService service;
    private final UiTasks tasks;
    private final Supplier<Messages> messages;
    private final Runnable onImported;
    // the outcome as a text of the messages, so it follows a language switch
    private final Consumer<java.util.function.Function<Messages, String>> notice;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ImportPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ColumnMappingModel> mapping = new ReadOnlyObjectWrapper<>();
    private ImportSession session;
    // the files of the import under way, and those the owner chose not to map (they are reported as unknown)
    private List<Path> pending = List.of();
    private final java.util.Set<Path> unmapped = new java.util.HashSet<>();
    // the currency the owner picked in the preview for this import (null: the settings), and what the preview shows
    private String chosenCurrency;
    private CurrencyQuestion currency;
    // what the prepared session read, to read it again in another currency
    private List<Path> readFiles = List.of();
    private ZoneId readZone;

    /** What reading ended with: a prepared session, or a file that needs a column mapping first. */
    private record Outcome(ImportSession session, List<Path> files, UnknownSheet unknown, CurrencyQuestion currency,
                           List<Path> read, ZoneId zone) {

        Outcome(List<Path> files, UnknownSheet unknown) {
            this(null, files, unknown, null, List.of(), null);
        }
    }

    /**
     * @param onImported called after an import was committed (the batch list and the counts changed)
     * @param notice     receives a one-line outcome for the page ("Import cancelled; nothing was stored.")
     */
    ImportFlow(ImportService service, UiTasks tasks, Supplier<Messages> messages, Runnable onImported,
               Consumer<java.util.function.Function<Messages, String>> notice) {
        this.service = service;
        this.tasks = tasks;
        this.messages = messages;
        this.onImported = onImported;
        this.notice = notice;
    }

    /** True from the start of reading until the owner's answer has been carried out; no second import starts meanwhile. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the prepared import will do, while the owner decides; null otherwise. */
    public ReadOnlyObjectProperty<ImportPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /**
     * A file no format and no saved mapping knows, while the owner maps its columns; null otherwise. Answer with
     * {@link #saveMapping} or {@link #skipMapping}.
     */
    public ReadOnlyObjectProperty<ColumnMappingModel> mappingProperty() {
        return mapping.getReadOnlyProperty();
    }

    /**
     * Reads {@code files} (folders: the files inside) as a long job, then shows the preview.
     *
     * @return false when nothing was started (no files, or another import is under way)
     */
    public boolean start(List<Path> files) {
        if (files.isEmpty() || busy.get()) {
            return false;
        }
        ImportTexts texts = texts();
        String first = String.valueOf(files.getFirst().getFileName());
        String title = files.size() == 1 ? texts.messages().get("imports.job.reading", first)
                : texts.count("imports.job.readingMany", files.size() - 1, first);
        unmapped.clear();
        chosenCurrency = null;
        read(title, files);
        return true;
    }

    /** Reads the files; a file that needs a mapping first stops the job and opens the mapping step. */
    private void read(String title, List<Path> files) {
        ImportTexts texts = texts();
        Set<Path> skip = Set.copyOf(unmapped);
        begin(title, (progress, cancellation) -> {
            List<Path> all = expand(files);
            for (Path f : all) {
                cancellation.check();
                if (!skip.contains(f)) {
                    var unknown = service.unknownLayout(f, null);
                    if (unknown.isPresent()) {
                        return new Outcome(files, unknown.get());
                    }
                }
            }
            return prepared(all, null, files, texts, progress, cancellation);
        });
    }

    /**
     * The owner mapped the columns: the mapping is saved under its name, then the files are read again (the file
     * now matches the saved mapping by its header, as any later file with that header will).
     */
    public void saveMapping() {
        ColumnMappingModel m = mapping.get();
        if (m == null) {
            return;
        }
        mapping.set(null);
        // read again without asking about this file: it now goes by the saved mapping, or is listed as unknown
        unmapped.add(m.sheet().file());
        String name = m.nameProperty().get();
        List<String> header = m.headerNames();
        var columns = m.mapping();
        tasks.call(() -> service.mappings().save(name, header, columns), saved -> read(
                texts().messages().get("importextras.job.readingWith", saved.name()), pending), failure -> {
                    busy.set(false);
                    String why = failure instanceof IllegalArgumentException ? failure.getMessage() : "";
                    notice.accept(now -> why);
                    if (!(failure instanceof IllegalArgumentException)) {
                        tasks.reportUnexpected(failure);
                    }
                });
    }

    /** The owner did not map the file: the others are imported, and the preview lists it as unknown. */
    public void skipMapping() {
        ColumnMappingModel m = mapping.get();
        if (m == null) {
            return;
        }
        mapping.set(null);
        unmapped.add(m.sheet().file());
        read(texts().messages().get("imports.job.reading", m.sheet().file().getFileName()), pending);
    }

    /** Imports the invented sample shop that comes with FanKeep, exactly like files the owner chose. */
    public boolean startSample() {
        if (busy.get()) {
            return false;
        }
        ImportTexts texts = texts();
        chosenCurrency = null;
        begin(texts.messages().get("imports.job.sample"), (progress, cancellation) -> {
            Path dir = Files.createTempDirectory("fankeep-samples");
            try {
                // no currency question: the sample shop's files are gone once read, and it sells in yuan
                return new Outcome(prepare(SampleData.extractTo(dir), SAMPLE_ZONE, texts, progress, cancellation), List.of(),
                        null, null, List.of(), SAMPLE_ZONE);
            } finally {
                deleteQuietly(dir);   // the import has read everything it needs
            }
        });
        return true;
    }

    /** What the preview shows (first run: asks) about the currency of unlabelled amounts; null when it does not apply. */
    public CurrencyQuestion currency() {
        return currency;
    }

    /**
     * The owner picked another currency in the preview: the prepared import is dropped (nothing was stored) and the
     * same files are read again in that currency, as {@code import --currency CODE} would.
     */
    public void rereadIn(String code) {
        List<Path> files = readFiles;
        ZoneId zone = readZone;
        CurrencyQuestion question = currency;
        ImportSession s = take();
        if (s == null || question == null || files.isEmpty()) {
            return;
        }
        chosenCurrency = code;
        List<Path> asked = pending;
        ImportTexts texts = texts();
        tasks.call(() -> {
            s.rollback();
            tasks.release(s);
            return s;
        }, r -> begin(texts.messages().get("import.currency.rereading", code), (progress, cancellation) ->
                prepared(files, zone, asked, texts, progress, cancellation)), failure -> {
                    busy.set(false);
                    tasks.reportUnexpected(failure);
                });
    }

    /**
     * The owner said "Import …": commit in a job that ends with the duplicates scan of the customers the import touched
     * (its progress shown), then say what was imported and how many possible duplicates were found, and refresh.
     */
    public void accept() {
        CurrencyQuestion question = currency;
        ImportSession s = take();
        if (s == null) {
            return;
        }
        ImportTexts texts = texts();
        JobHandle handle = tasks.job(texts.messages().get("import.duplicates.job"), (progress, cancellation) -> {
            try {
                ImportSummary summary = s.commit((done, total, text) -> progress.update(done, total, texts.progress(text)),
                        cancellation);
                if (question != null && question.firstTime()) {
                    service.currencies().remember(question, question.code());   // the first-run answer is kept
                }
                return summary;
            } finally {
                tasks.release(s);
            }
        }, summary -> {
            busy.set(false);
            notice.accept(now -> summary.nothingNew() ? now.get("imports.notice.nothingNew")
                    : now.get("imports.notice.imported", new ImportTexts(now).totals(summary))
                            + new ImportTexts(now).duplicatesFound(summary));
            onImported.run();
        });
        whenEnded(handle, state -> {
            if (state != JobState.SUCCEEDED) {
                busy.set(false);
            }
        });
    }

    /** The owner said "Don't import" (or closed the preview, or the window): roll back in the background. */
    public void decline() {
        ImportSession s = take();
        if (s == null) {
            return;
        }
        boolean nothingNew = s.summary().nothingNew();
        tasks.call(() -> {
            s.rollback();
            tasks.release(s);
            return s;
        }, r -> {
            busy.set(false);
            notice.accept(now -> now.get(nothingNew ? "imports.notice.nothingNew" : "imports.notice.discarded"));
        }, failure -> {
            busy.set(false);
            tasks.reportUnexpected(failure);
        });
    }

    private void begin(String title, LongJob<Outcome> job) {
        busy.set(true);
        notice.accept(now -> "");
        JobHandle handle = tasks.job(title, job, this::prepared);
        whenEnded(handle, state -> {
            if (state != JobState.SUCCEEDED) {
                busy.set(false);
                if (state == JobState.CANCELLED) {
                    notice.accept(now -> now.get("imports.notice.cancelled"));
                }
            }
        });
    }

    /** On the job thread: {@link #prepare}, then what the preview says about the currency. */
    private Outcome prepared(List<Path> files, ZoneId zone, List<Path> asked, ImportTexts texts, Progress progress,
                             Cancellation cancellation) {
        ImportSession s = prepare(files, zone, texts, progress, cancellation);
        List<String> formats = s.summary().files().stream().filter(f -> f.refusal() == null)
                .map(com.fankeep.core.importing.FileSummary::format).toList();
        return new Outcome(s, asked, null, service.currencies().question(formats, chosenCurrency,
                chosenCurrency == null ? com.fankeep.core.importing.currency.ShopCurrencies.ofRows(files) : null), files, zone);
    }

    /** On the job thread: read everything into one open transaction and keep it for the owner's answer. */
    private ImportSession prepare(List<Path> files, ZoneId zone, ImportTexts texts, Progress progress,
                                  Cancellation cancellation) {
        Progress shown = (done, total, text) -> progress.update(done, total, texts.progress(text));
        ImportSession s = service.prepare(new ImportRequest(files, null, null, zone).withCurrency(chosenCurrency), shown,
                cancellation);
        if (cancellation.isCancelled()) {
            // cancelled after the last check inside the engine: still nothing stored
            s.rollback();
            throw new CancelledException();
        }
        tasks.holdUntilClosed(s);   // closing the window before the owner answers rolls it back
        return s;
    }

    private void prepared(Outcome o) {
        pending = o.files();
        if (o.unknown() != null) {
            mapping.set(new ColumnMappingModel(o.unknown()));   // busy stays on until the owner answers
            return;
        }
        session = o.session();
        currency = o.currency();
        readFiles = o.read();
        readZone = o.zone();
        preview.set(ImportPreview.of(o.session().summary(), texts()));
    }

    private ImportSession take() {
        ImportSession s = session;
        session = null;
        preview.set(null);
        return s;
    }

    private ImportTexts texts() {
        return new ImportTexts(messages.get());
    }

    private static void whenEnded(JobHandle handle, Consumer<JobState> then) {
        if (handle.state().isFinished()) {
            then.accept(handle.state());
            return;
        }
        handle.stateProperty().addListener((o, was, now) -> {
            if (now.isFinished()) {
                then.accept(now);
            }
        });
    }

    /** Dropped folders stand for the files in them (not hidden ones); the engine says which it cannot read. */
    private static List<Path> expand(List<Path> dropped) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : dropped) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    private static void deleteQuietly(Path dir) {
        try {
            Folders.deleteTree(dir);
        } catch (IOException e) {
            LOG.warn("could not delete the sample files in {}", dir, e);
        }
    }
}
