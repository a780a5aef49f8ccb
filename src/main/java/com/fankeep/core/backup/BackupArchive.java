package com.fankeep.core.backup;

import com.fankeep.core.db.Database;
import com.fankeep.core.db.DatabaseKey;
import com.fankeep.core.db.KeyFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * The backup file: the zip H2's {@code BACKUP TO} writes (a transactionally consistent copy of the database file)
 * plus a manifest naming it a FanKeep backup with its date, schema version and rows per table.
 */
final class BackupArchive {

    static final String MANIFEST = "fankeep-backup.properties";
    static final String DB_ENTRY = "fankeep.mv.db";
    static final String FORMAT = "fankeep-backup-1";
    /** The key file (salt, KDF settings) of an encrypted database: the backup is opened with the password it was made under. */
    static final String KEY_ENTRY = KeyFile.FILE_NAME;

    private BackupArchive() {
    }

    /**
     * Writes a verified backup of the live database to {@code target}: temp name first, renamed when complete. An
     * encrypted database ({@code key} not null) stays encrypted in the backup, which also holds its key file.
     */
    static BackupInfo write(DataSource live, DatabaseKey key, Path keyFile, Path target, String reason, Instant now) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Path work = target.resolveSibling(target.getFileName() + ".verify");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            for (int attempt = 1; ; attempt++) {
                Files.deleteIfExists(part);
                Map<String, Long> before;
                Map<String, Long> after;
                try (Connection c = live.getConnection(); Statement s = c.createStatement()) {
                    before = countRows(c);
                    com.fankeep.core.db.FileBackup.zipTo(c, part); // BACKUP TO at the fastest deflate level
                    after = countRows(c);
                }
                Map<String, Long> copied = Database.countRows(extract(part, work), key);
                // The copy is one consistent moment; the owner may have saved something while it was taken.
                if (copied.equals(before) || copied.equals(after)) {
                    String schema = schemaVersion(work, key);
                    addManifest(part, now, schema, reason, copied, key == null ? null : keyFile);
                    force(part);
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    return new BackupInfo(target, now, schema, reason, copied, Files.size(target));
                }
                if (attempt == 2) {
                    throw new BackupException("backup.error.notVerified",
                            "The backup copy did not match the database (rows " + copied + " vs " + after + ")", null);
                }
            }
        } catch (IOException | SQLException e) {
            throw new BackupException("backup.error.write", "Cannot write the backup " + target + ": " + e.getMessage(), e,
                    target, e.getMessage());
        } finally {
            deleteQuietly(part);
            deleteTreeQuietly(work);
        }
    }

    /** The manifest of {@code file}; a file that is not a FanKeep backup is refused. */
    static BackupInfo readManifest(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BackupException("backup.error.missing", "No such file: " + file, null, file);
        }
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null || zip.getEntry(DB_ENTRY) == null) {
                throw foreign(file, null);
            }
            Properties p = new Properties();
            try (Reader r = new java.io.InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8)) {
                p.load(r);
            }
            if (!FORMAT.equals(p.getProperty("format"))) {
                throw foreign(file, null);
            }
            Map<String, Long> counts = new TreeMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("rows.")) {
                    counts.put(key.substring(5), Long.parseLong(p.getProperty(key)));
                }
            }
            return new BackupInfo(file, Instant.parse(p.getProperty("created")), p.getProperty("schema"),
                    p.getProperty("reason", ""), counts, Files.size(file));
        } catch (IOException | RuntimeException e) {
            if (e instanceof BackupException be) {
                throw be;
            }
            throw foreign(file, e);
        }
    }

    /**
     * Unpacks the database of {@code file} into {@code dir} and checks it: it opens, every table holds the rows the
     * manifest promises, and no newer FanKeep made it. Returns the unpacked database file.
     */
    static Path extractVerified(Path file, Path dir, DatabaseKey key) {
        BackupInfo info = readManifest(file);
        try {
            Path db = extract(file, dir);
            Map<String, Long> counts;
            try {
                counts = Database.countRows(db, key);
            } catch (SQLException e) {
                throw new BackupException("backup.error.damaged", "The backup " + file + " is damaged: " + e.getMessage(), e, file);
            }
            if (!counts.equals(info.rowCounts())) {
                throw new BackupException("backup.error.damaged", "The backup " + file + " does not hold the rows its manifest lists",
                        null, file);
            }
            if (madeByNewerVersion(db, key)) {
                throw new BackupException("backup.error.newer", "The backup " + file + " was made by a newer FanKeep", null, file);
            }
            return db;
        } catch (IOException e) {
            throw new BackupException("backup.error.damaged", "The backup " + file + " is damaged: " + e.getMessage(), e, file);
        }
    }

    /** The rows of every table of the database, by lower-case table name. */
    static Map<String, Long> countRows(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                     + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' order by table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) from \"" + t.replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    counts.put(t.toLowerCase(java.util.Locale.ROOT), rs.getLong(1));
                }
            }
        }
        return counts;
    }

    static Map<String, Long> countRows(Path dbFile) throws SQLException {
        return Database.countRows(dbFile, null);
    }

    static Connection openReadOnly(Path dbFile, DatabaseKey key) throws SQLException {
        String base = dbFile.toAbsolutePath().toString();
        base = base.substring(0, base.length() - ".mv.db".length());
        return DriverManager.getConnection("jdbc:h2:file:" + base + ";ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0;IFEXISTS=TRUE"
                + Database.cipher(key), "sa", Database.password(key));
    }

    /** The key file inside {@code zipFile}, or empty for a backup of a database that was not encrypted. */
    static java.util.Optional<KeyFile> keyFile(Path zipFile) {
        try (ZipFile zip = new ZipFile(zipFile.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry entry = zip.getEntry(KEY_ENTRY);
            if (entry == null) {
                return java.util.Optional.empty();
            }
            Path tmp = Files.createTempFile("fankeep-key", ".properties");
            try {
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                return java.util.Optional.of(KeyFile.readFile(tmp));
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            throw foreign(zipFile, e);
        }
    }

    private static Path extract(Path zipFile, Path dir) throws IOException {
        deleteTreeQuietly(dir);
        Files.createDirectories(dir);
        Path db = dir.resolve(DB_ENTRY);
        try (ZipFile zip = new ZipFile(zipFile.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry entry = zip.getEntry(DB_ENTRY);
            if (entry == null) {
                throw new IOException("no " + DB_ENTRY + " in " + zipFile.getFileName());
            }
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, db);
            }
        }
        return db;
    }

    private static String schemaVersion(Path dir, DatabaseKey key) throws SQLException {
        try (Connection c = openReadOnly(dir.resolve(DB_ENTRY), key); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select max(\"version\") from \"flyway_schema_history\" where \"success\"")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean madeByNewerVersion(Path db, DatabaseKey key) {
        String base = db.toAbsolutePath().toString();
        base = base.substring(0, base.length() - ".mv.db".length());
        var ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + base + ";ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0;IFEXISTS=TRUE" + Database.cipher(key));
        ds.setUser("sa");
        ds.setPassword(Database.password(key));
        for (MigrationInfo m : Flyway.configure().dataSource(ds).locations(Database.MIGRATIONS).load().info().all()) {
            if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                return true;
            }
        }
        return false;
    }

    private static void addManifest(Path zip, Instant created, String schema, String reason, Map<String, Long> counts,
                                    Path keyFile) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("created", created.toString());
        p.setProperty("schema", schema == null ? "" : schema);
        p.setProperty("reason", reason);
        counts.forEach((table, n) -> p.setProperty("rows." + table, Long.toString(n)));
        p.setProperty("encrypted", Boolean.toString(keyFile != null));
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
            if (keyFile != null) {
                Files.copy(keyFile, fs.getPath(KEY_ENTRY));
            }
            try (OutputStream out = Files.newOutputStream(fs.getPath(MANIFEST))) {
                p.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), "FanKeep backup");
            }
        }
    }

    static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static BackupException foreign(Path file, Throwable cause) {
        return new BackupException("backup.error.foreign", "Not a FanKeep backup: " + file, cause, file);
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temp file is harmless: the next backup replaces it
        }
    }

    static void deleteTreeQuietly(Path dir) {
        try {
            com.fankeep.core.shared.Folders.deleteTree(dir);
        } catch (IOException ignored) {
            // as above
        }
    }
}
