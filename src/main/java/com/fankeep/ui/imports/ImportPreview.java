package com.fankeep.ui.imports;

import com.fankeep.core.importing.FileSummary;
import com.fankeep.core.importing.ImportSummary;
import java.util.List;

/**
 * What the preview dialog shows about a prepared import, already in the owner's words.
 *
 * @param heading      "2 files ready to import", or "Nothing new: …", or "None of these files can be imported"
 * @param totals       the whole import in one line, or null when there is nothing to import
 * @param files        the files that were read, each with what importing it does
 * @param refused      the files that were not read at all, each with the reason
 * @param problems     the first rows with real problems (something was left out or left empty)
 * @param moreProblems "… and 12 more", or null
 * @param notes        the first notes: rows stored as well as they can be, nothing lost ("stored without a customer")
 * @param moreNotes    "… and 3 more", or null
 * @param note         "Nothing is saved until you click …", or null
 * @param importText   the import button ("Import 31 orders"), or null when there is nothing to import
 * @param closeText    the other button: "Don't import", or "Close" when there is nothing to import
 */
public record ImportPreview(String heading, String totals, List<Line> files, List<Line> refused, List<ProblemRow> problems,
                            String moreProblems, List<ProblemRow> notes, String moreNotes, String note, String importText,
                            String closeText) {

    /**
     * A file and what happens to it.
     *
     * @param kind what FanKeep recognised it as ("Taobao / Tmall orders"), or "" for a file it could not read
     */
    public record Line(String file, String kind, String detail) {
    }

    public ImportPreview {
        files = List.copyOf(files);
        refused = List.copyOf(refused);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public boolean canImport() {
        return importText != null;
    }

    static ImportPreview of(ImportSummary s, ImportTexts t) {
        var m = t.messages();
        List<FileSummary> read = s.files().stream().filter(f -> f.refusal() == null).toList();
        List<Line> files = read.stream().map(f -> new Line(f.file(), t.formatName(f.format()), t.fileDetail(f))).toList();
        List<Line> refused = s.files().stream().filter(f -> f.refusal() != null)
                .map(f -> new Line(f.file(), "", t.refusal(f.refusal()))).toList();
        List<ProblemRow> problems = s.firstProblems().stream().filter(p -> !p.isNote()).map(p -> ProblemRow.of(p, t)).toList();
        List<ProblemRow> notes = s.firstProblems().stream().filter(p -> p.isNote()).map(p -> ProblemRow.of(p, t)).toList();
        long problemsNotListed = s.problems() - s.notes() - problems.size();
        long notesNotListed = s.notes() - notes.size();
        String more = problemsNotListed > 0 ? t.count("imports.preview.moreProblems", problemsNotListed) : null;
        String moreNotes = notesNotListed > 0 ? t.count("imports.preview.moreProblems", notesNotListed) : null;

        if (s.nothingNew()) {
            String heading = read.isEmpty() ? m.get("imports.preview.noneReadable") : m.get("imports.preview.nothingNew");
            return new ImportPreview(heading, null, files, refused, problems, more, notes, moreNotes, null, null,
                    m.get("dialog.close"));
        }
        String importText = importText(s, t);
        return new ImportPreview(t.count("imports.preview.ready", read.size()), t.totals(s), files, refused, problems, more,
                notes, moreNotes, m.get("imports.preview.note", importText), importText, m.get("imports.preview.discard"));
    }

    /** Named for what it does: "Import 31 orders", "Import 120 contacts", "Update 3 orders". */
    private static String importText(ImportSummary s, ImportTexts t) {
        long contacts = s.files().stream().mapToLong(FileSummary::contacts).sum();
        if (s.newOrders() > 0) {
            return t.count("imports.preview.importOrders", s.newOrders());
        }
        if (contacts > 0) {
            return t.count("imports.preview.importContacts", contacts);
        }
        if (s.updatedOrders() > 0) {
            return t.count("imports.preview.importUpdates", s.updatedOrders());
        }
        return t.messages().get("imports.preview.importOther");
    }
}
