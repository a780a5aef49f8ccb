package com.fankeep.ui.imports;

import com.fankeep.core.importing.FileSummary;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.shared.Messages;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the import engine reports, in the owner's words and language: counts ("31 new orders"), format names, why a
 * file was refused, what was wrong with a row. Codes the bundles do not know yet fall back to the engine's text.
 */
final class ImportTexts {

    private static final Pattern FILE_PROGRESS = Pattern.compile("(.+): (\\d+)");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private final Messages m;
    private final ZoneId zone;

    ImportTexts(Messages m) {
        this(m, ZoneId.systemDefault());
    }

    ImportTexts(Messages m, ZoneId zone) {
        this.m = m;
        this.zone = zone;
    }

    Messages messages() {
        return m;
    }

    /**
     * "31 new orders" or "1 new order": {@code key} holds the text for any number, {@code key.one} the text for
     * exactly one (Chinese has the same text in both). {@code n} is {0}; {@code more} are {1}, {2} ….
     */
    String count(String key, long n, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = n;
        System.arraycopy(more, 0, args, 1, more.length);
        return m.get(n == 1 ? key + ".one" : key, args);
    }

    /**
     * One file of an import, in the owner's words: "31 new orders, 25 new customers, 4 people also in the other files,
     * 2 rows with problems, 6 notes". Zero counts are left out.
     */
    String fileDetail(FileSummary f) {
        List<String> parts = new ArrayList<>();
        addIf(parts, "imports.count.newOrders", f.newOrders());
        addIf(parts, "imports.count.updatedOrders", f.updatedOrders());
        addIf(parts, "imports.count.unchangedOrders", f.unchangedOrders());
        if (f.lines() != f.newOrders()) {
            // an item file adds lines to orders; an order file's one line per order says nothing new
            addIf(parts, "imports.count.lines", f.lines());
        }
        addIf(parts, "imports.count.contacts", f.contacts());
        addIf(parts, "imports.count.newCustomers", f.newCustomers());
        addIf(parts, "imports.count.metInOtherFiles", f.metInOtherFiles());
        addIf(parts, "imports.count.matched", f.matchedCustomers());
        addIf(parts, "imports.count.problems", f.realProblems());
        addIf(parts, "imports.count.notes", f.notes());
        return parts.isEmpty() ? m.get("imports.count.nothing") : join(parts);
    }

    /**
     * The whole import in one line, e.g. "48 new orders, 30 new customers, 12 customers already in FanKeep get new
     * orders or contact details". "Updated" counts only orders that were in FanKeep before this import.
     */
    String totals(ImportSummary s) {
        long contacts = s.files().stream().mapToLong(FileSummary::contacts).sum();
        List<String> parts = new ArrayList<>();
        if (s.newOrders() > 0 || contacts == 0) {
            parts.add(count("imports.count.newOrders", s.newOrders()));
        }
        addIf(parts, "imports.count.updatedOrders", s.updatedOrders());
        addIf(parts, "imports.count.contacts", contacts);
        parts.add(count("imports.count.newCustomers", s.newCustomers()));
        addIf(parts, "imports.count.matched", s.matchedCustomers());
        addIf(parts, "imports.count.problems", s.problems() - s.notes());
        addIf(parts, "imports.count.notes", s.notes());
        return join(parts);
    }

    /** " 3 possible duplicates found among the customers it added or changed (Duplicates page)." or "" before a scan. */
    String duplicatesFound(ImportSummary s) {
        return s.possibleDuplicates() < 0 ? "" : " " + m.get("import.duplicates.found", s.possibleDuplicates());
    }

    /** "Taobao / Tmall orders" for {@code taobao_orders}; a format the bundles do not name yet shows its platform or its id. */
    String formatName(String formatId) {
        if (formatId == null || formatId.isBlank()) {
            return "";
        }
        String exact = "imports.formatName." + formatId;
        if (m.bundle().containsKey(exact)) {
            return m.get(exact);
        }
        String platform = "imports.format." + formatId.split("_", 2)[0];
        return m.bundle().containsKey(platform) ? m.get(platform) : formatId;
    }

    /** Just the platform, "Taobao / Tmall", for the narrow column of the imported files (the file name tells the rest). */
    String platformName(String formatId) {
        if (formatId == null || formatId.isBlank()) {
            return "";
        }
        String platform = "imports.format." + formatId.split("_", 2)[0];
        return m.bundle().containsKey(platform) ? m.get(platform) : formatName(formatId);
    }

    /** Why a file was not imported; the engine says "code: English detail". */
    String refusal(String refusal) {
        if (refusal == null) {
            return "";
        }
        int colon = refusal.indexOf(':');
        String key = "imports.refusal." + (colon > 0 ? refusal.substring(0, colon).strip() : refusal.strip());
        return m.bundle().containsKey(key) ? m.get(key) : refusal;
    }

    /** What was wrong with a row, e.g. "No order number: the row was left out". */
    String problem(ImportProblem p) {
        String key = "imports.problem." + p.code();
        return p.code() != null && m.bundle().containsKey(key) ? m.get(key) : p.message();
    }

    /** "Imported" / "Undone". */
    String status(String status) {
        String key = "imports.status." + status;
        return status != null && m.bundle().containsKey(key) ? m.get(key) : String.valueOf(status);
    }

    /** The engine's progress line ("orders.csv: 12000", "recomputing 25 customers") for the task panel. */
    /** The bulk path's index step (ADR 0023): "index 3/17". */
    private static final java.util.regex.Pattern BULK_INDEX = java.util.regex.Pattern.compile("index (\\d+)/(\\d+)");

    String progress(String engineText) {
        if (engineText == null || engineText.isBlank()) {
            return "";
        }
        Matcher file = FILE_PROGRESS.matcher(engineText);
        if (file.matches()) {
            return count("imports.job.rows", Long.parseLong(file.group(2)), file.group(1));
        }
        Matcher index = BULK_INDEX.matcher(engineText);
        if (index.matches()) {
            return m.get("import.bulk.progress.index", Integer.parseInt(index.group(1)), Integer.parseInt(index.group(2)));
        }
        if (engineText.equals("duplicates")) {
            return m.get("import.duplicates.progress");
        }
        if (engineText.equals("copy") || engineText.equals("check")) {
            return m.get("import.bulk.progress." + engineText);
        }
        return m.get("imports.job.finishing");
    }

    /** The day a file was imported, in this computer's time zone: "2024-03-15". */
    String when(OffsetDateTime time) {
        return time == null ? "" : DAY.format(time.atZoneSameInstant(zone));
    }

    private void addIf(List<String> parts, String key, long n) {
        if (n > 0) {
            parts.add(count(key, n));
        }
    }

    private String join(List<String> parts) {
        return String.join(m.get("imports.count.separator"), parts);
    }
}
