package com.fankeep.core.db;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.sql.DataSource;

/**
 * The cheap answer to "is this database exactly at this build's schema?" for every open of an existing database
 * (ADR 0035): the versions in Flyway's history, all successful, equal the versions of the migrations this build
 * carries (a listing of the jar, no script read). Anything else — a migration pending, one failed, one this build
 * does not know (a newer FanKeep's) — is "not sure", and the caller asks Flyway as before. Flyway's scan of the
 * classpath and its reading of every script cost ~0.2 s per open; this costs a few milliseconds.
 */
final class SchemaCheck {

    private static final String HISTORY = "flyway_schema_history";
    /** V0121__name.sql in db/migration, V0008__Name.class in the Java migrations' package. */
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__[^/]*\\.(?:sql|class)");
    private static final String[] FOLDERS = {"db/migration/", "com/fankeep/core/db/migration/"};

    private static volatile Set<String> bundled;

    private SchemaCheck() {
    }

    /** True only when the history holds exactly the bundled versions, every one successful. */
    static boolean upToDate(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return upToDate(c, bundled());
        } catch (SQLException | IOException | RuntimeException e) {
            return false; // "not sure": Flyway decides
        }
    }

    static boolean upToDate(Connection c, Set<String> bundledVersions) throws SQLException {
        try (var rs = c.getMetaData().getTables(null, null, HISTORY, null)) {
            if (!rs.next()) {
                return false;
            }
        }
        Set<String> applied = new TreeSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select \"version\", \"success\" from \"" + HISTORY + "\"")) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                String version = rs.getString(1);
                if (version != null) {
                    applied.add(version);
                }
            }
        }
        return !bundledVersions.isEmpty() && applied.equals(bundledVersions);
    }

    /** The versions of the migrations in this build (jar or classes folder), as Flyway writes them to its history. */
    static Set<String> bundled() throws IOException {
        Set<String> b = bundled;
        if (b == null) {
            b = Set.copyOf(scan());
            bundled = b;
        }
        return b;
    }

    private static Set<String> scan() throws IOException {
        return scan(where(SchemaCheck.class.getResource(SchemaCheck.class.getSimpleName() + ".class")));
    }

    /**
     * The jar or classes folder of this build, from where the class loader finds this class now. Not the class's
     * CodeSource: a class from the AOT cache keeps the path it had at the training run (a relative path in the
     * installer's build folder), so every packaged command went to Flyway (ADR 0038).
     */
    static Path where(java.net.URL self) throws IOException {
        if (self == null) {
            throw new IOException("cannot tell where the migrations are");
        }
        try {
            String url = self.toString();
            if (url.startsWith("jar:")) {
                return Path.of(new java.net.URI(url.substring("jar:".length(), url.indexOf("!/"))));
            }
            Path classFile = Path.of(self.toURI());
            Path root = classFile.getParent();
            for (int i = SchemaCheck.class.getPackageName().split("\\.").length; i > 0; i--) {
                root = root.getParent();
            }
            return root;
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot tell where the migrations are: " + e.getMessage(), e);
        }
    }

    static Set<String> scan(Path where) throws IOException {
        Set<String> versions = new TreeSet<>();
        if (Files.isDirectory(where)) {
            for (String folder : FOLDERS) {
                Path dir = where.resolve(folder);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.forEach(f -> add(versions, f.getFileName().toString()));
                    }
                }
            }
        } else {
            try (ZipFile jar = new ZipFile(where.toFile())) {
                jar.stream().forEach(e -> {
                    for (String folder : FOLDERS) {
                        String name = e.getName();
                        if (name.startsWith(folder) && name.indexOf('/', folder.length()) < 0) {
                            add(versions, name.substring(folder.length()));
                        }
                    }
                });
            }
        }
        return versions;
    }

    private static void add(Set<String> versions, String fileName) {
        if (fileName.contains("$")) {
            return; // a Java migration's inner class
        }
        Matcher m = VERSIONED.matcher(fileName);
        if (m.matches()) {
            versions.add(m.group(1).replace('_', '.'));
        }
    }
}
