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
 * @param problems     the first rows with problems
 * @param moreProblems "… and 12 more", or null
 * @param note         "Nothing is saved until you click …", or null
 * @param importText   the import button ("Import 31 orders"), or null when there is nothing to import
 * @param closeText    the other button: "Don't import", or "Close" when there is nothing to import
 */
public record ImportPreview(String heading, String totals, List<Line> files, List<Line> refused, List<ProblemRow> problems,
                            String moreProblems, String note, String importText, String closeText) {

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
        List<ProblemRow> problems = s.firstProblems().stream().map(p -> ProblemRow.of(p, t)).toList();
        long notListed = s.problems() - problems.size();
        String more = notListed > 0 ? t.count("imports.preview.moreProblems", notListed) : null;

        if (s.nothingNew()) {
            String heading = read.isEmpty() ? m.get("imports.preview.noneReadable") : m.get("imports.preview.nothingNew");
            return new ImportPreview(heading, null, files, refused, problems, more, null, null, m.get("dialog.close"));
        }
        String importText = importText(s, t);
        return new ImportPreview(t.count("imports.preview.ready", read.size()), t.totals(s), files, refused, problems, more,
                m.get("imports.preview.note", importText), importText, m.get("imports.preview.discard"));
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
