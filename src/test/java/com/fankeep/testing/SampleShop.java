package com.fankeep.testing;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.importing.SampleData;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bundled sample shop (every platform's synthetic export) imported for real, for tests that need real data; and a
 * full dump of a database's tables to compare states.
 */
public final class SampleShop {

    private SampleShop() {
    }

    /** Imports the sample files, unpacked into {@code workDir}. */
    public static void load(Database db, Path workDir) {
        importInto(new ImportService(db), workDir);
    }

    /** Imports the sample files, unpacked into {@code temp}/sample. */
    public static ImportSummary load(ImportService imports, Path temp) {
        return importInto(imports, temp.resolve("sample"));
    }

    private static ImportSummary importInto(ImportService imports, Path workDir) {
        try {
            List<Path> files = SampleData.extractTo(workDir);
            return imports.importNow(new ImportRequest(files, null, null, ZoneId.of("Asia/Shanghai")), Progress.NONE,
                    Cancellation.none());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row of every table except {@code skip} (lower-case names), rows sorted, so two states compare as text. */
    public static String dump(Database db, Set<String> skip) throws Exception {
        TreeMap<String, List<String>> tables = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select table_name from information_schema.tables where table_schema = 'PUBLIC' "
                    + "and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    names.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
            for (String t : names) {
                if (skip.contains(t) || t.startsWith("flyway")) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("select * from " + t)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            sb.append(md.getColumnLabel(i)).append('=').append(rs.getString(i)).append(' ');
                        }
                        rows.add(sb.toString());
                    }
                }
                rows.sort(null);
                tables.put(t, rows);
            }
        }
        StringBuilder out = new StringBuilder();
        tables.forEach((t, rows) -> {
            out.append("## ").append(t).append(" (").append(rows.size()).append(")\n");
            rows.forEach(r -> out.append(r).append('\n'));
        });
        return out.toString();
    }

    /** Lines only in {@code before} ("- ") and only in {@code after} ("+ "): empty when the two dumps are the same. */
    public static String diff(String before, String after) {
        List<String> a = List.of(before.split("\n"));
        List<String> b = List.of(after.split("\n"));
        StringBuilder out = new StringBuilder();
        a.stream().filter(l -> !b.contains(l)).forEach(l -> out.append("- ").append(l).append('\n'));
        b.stream().filter(l -> !a.contains(l)).forEach(l -> out.append("+ ").append(l).append('\n'));
        return out.toString();
    }
}
