package com.fankeep.core.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backups folder: files named {@code fankeep-YYYYMMDD-HHMMSS[-tag].zip}. Untagged ones are automatic and rotated
 * by the retention policy; {@code -manual} ones (Back up now) are never deleted here; {@code -before-restore} ones
 * are kept apart, the newest few of them. An untagged file whose manifest says "manual" (made before manual backups
 * got their tag) counts as manual.
 */
final class BackupFolder {

    static final String BEFORE_RESTORE = "before-restore";
    static final String MANUAL = "manual";
    private static final int TAGGED_KEPT = 5;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile("fankeep-(\\d{8}-\\d{6})(?:-([a-z-]+))?\\.zip");

    private final Path dir;
    private final ZoneId zone;

    BackupFolder(Path dir, ZoneId zone) {
        this.dir = dir;
        this.zone = zone;
    }

    Path dir() {
        return dir;
    }

    /** A new file name for a backup made at {@code at}; never an existing file. */
    Path newFile(Instant at, String tag) {
        String stamp = LocalDateTime.ofInstant(at, zone).format(STAMP);
        String suffix = tag == null ? "" : "-" + tag;
        Path p = dir.resolve("fankeep-" + stamp + suffix + ".zip");
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve("fankeep-" + stamp + suffix + "-" + "n".repeat(i) + ".zip");
        }
        return p;
    }

    record Entry(Path file, Instant at, String tag) {

        BackupKind kind() {
            return BackupKind.ofTag(tag);
        }
    }

    /** True when {@code file} is a backup file of this folder (by name), which the owner may delete. */
    boolean holds(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.getParent() != null && abs.getParent().equals(dir.toAbsolutePath().normalize())
                && NAME.matcher(abs.getFileName().toString()).matches();
    }

    /** The backups in the folder, newest first. */
    List<Entry> entries() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches() && Files.isRegularFile(f)) {
                    Instant at = LocalDateTime.parse(m.group(1), STAMP).atZone(zone).toInstant();
                    out.add(new Entry(f, at, m.group(2)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(Entry::at).reversed().thenComparing(e -> e.file().getFileName().toString(),
                Comparator.reverseOrder()));
        return out;
    }

    /**
     * Deletes the automatic backups the policy does not keep, and safety copies beyond the newest few; returns the
     * deleted files. Manual backups are never deleted here, and they do not take an automatic one's place.
     */
    List<Path> rotate(RetentionPolicy policy) throws IOException {
        List<Entry> all = entries();
        List<Entry> automatic = all.stream().filter(e -> e.kind() == BackupKind.AUTOMATIC && !madeByHand(e)).toList();
        Set<Instant> keep = policy.keep(automatic.stream().map(Entry::at).toList(), zone);
        List<Path> deleted = new ArrayList<>();
        Set<Instant> keptOnce = new HashSet<>();
        for (Entry e : automatic) {
            // Two files with the same second: keep only the first (newest name) for that kept time.
            if (!(keep.contains(e.at()) && keptOnce.add(e.at()))) {
                Files.deleteIfExists(e.file());
                deleted.add(e.file());
            }
        }
        List<Entry> safety = all.stream().filter(e -> e.kind() == BackupKind.SAFETY).toList();
        for (Entry e : safety.subList(Math.min(TAGGED_KEPT, safety.size()), safety.size())) {
            Files.deleteIfExists(e.file());
            deleted.add(e.file());
        }
        return deleted;
    }

    /** An untagged backup made with Back up now before manual backups were named apart: its manifest says so. */
    private static boolean madeByHand(Entry e) {
        try {
            return BackupArchive.readManifest(e.file()).kind() == BackupKind.MANUAL;
        } catch (BackupException unreadable) {
            return false;
        }
    }
}
