package com.fankeep.core.backup;

import com.fankeep.core.db.Database;
import com.fankeep.core.shared.SpreadsheetSafe;
import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Everything in the database in a form that outlives FanKeep and H2 versions: a zip with one CSV per table (UTF-8,
 * header row, spreadsheet-safe text) and {@code fankeep.sql}, a plain SQL script of the whole database. All of it is
 * read in one transaction, so the files agree with each other.
 */
public final class FullExportService {

    static final String SCRIPT = "fankeep.sql";

    private final Database database;

    public FullExportService(Database database) {
        this.database = database;
    }

    /** The rows written per table. */
    public record Result(Path file, Map<String, Long> rows) {
    }

    public Result exportAll(Path out) {
        Path target = out.toAbsolutePath();
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Path script = target.resolveSibling(target.getFileName() + ".sql.tmp");
        Map<String, Long> rows = new TreeMap<>();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(part), StandardCharsets.UTF_8)) {
                for (String table : tables(c)) {
                    zip.putNextEntry(new ZipEntry("csv/" + table + ".csv"));
                    rows.put(table, writeCsv(c, table, zip));
                    zip.closeEntry();
                }
                try (Statement s = c.createStatement()) {
                    s.execute("script to '" + script.toString().replace("'", "''") + "' charset 'UTF-8'");
                }
                zip.putNextEntry(new ZipEntry(SCRIPT));
                Files.copy(script, zip);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("README.txt"));
                zip.write(readme().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            c.rollback();
            BackupArchive.force(part);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Result(target, rows);
        } catch (IOException | SQLException e) {
            throw new BackupException("backup.error.export", "Cannot write " + target + ": " + e.getMessage(), e, target,
                    e.getMessage());
        } finally {
            BackupArchive.deleteQuietly(part);
            BackupArchive.deleteQuietly(script);
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' "
                + "order by table_name")) {
            while (rs.next()) {
                out.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    private static long writeCsv(Connection c, String table, OutputStream zip) throws SQLException, IOException {
        // Not closed: closing the writer would close the zip stream; flushed instead.
        Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        w.write('\uFEFF'); // so Excel and WPS read the UTF-8 correctly
        CSVWriter csv = new CSVWriter(w);
        long n = 0;
        try (Statement s = c.createStatement()) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery("select * from " + table + " order by 1")) {
                ResultSetMetaData md = rs.getMetaData();
                String[] row = new String[md.getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = md.getColumnLabel(i + 1).toLowerCase(java.util.Locale.ROOT);
                }
                csv.writeNext(row, false);
                while (rs.next()) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] = cell(rs.getObject(i + 1));
                    }
                    csv.writeNext(row, true);
                    n++;
                }
            }
        }
        csv.flush();
        return n;
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return v instanceof String s ? SpreadsheetSafe.text(s) : v.toString();
    }

    private static String readme() {
        return """
                FanKeep full export
                csv/<table>.csv  one file per table, UTF-8, first row = column names. Text that starts with = + - @
                                 has a leading apostrophe so spreadsheets do not run it as a formula.
                fankeep.sql      the whole database as SQL (H2 dialect, mostly standard); load it with
                                 RUNSCRIPT FROM 'fankeep.sql' in an empty H2 database, or read it as text.
                This file holds your customers' personal data: keep it safe.
                """;
    }
}
