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
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backups folder: files named {@code fankeep-YYYYMMDD-HHMMSS[-tag].zip}. Untagged ones (automatic and manual)
 * are rotated by the retention policy; tagged ones (before-restore) are kept apart, the newest few of them.
 */
final class BackupFolder {

    static final String BEFORE_RESTORE = "before-restore";
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

    /** Deletes the backups the policy does not keep; returns the deleted files. */
    List<Path> rotate(RetentionPolicy policy) throws IOException {
        List<Entry> all = entries();
        List<Entry> plain = all.stream().filter(e -> e.tag() == null || !e.tag().startsWith(BEFORE_RESTORE)).toList();
        Set<Instant> keep = policy.keep(plain.stream().map(Entry::at).toList(), zone);
        List<Path> deleted = new ArrayList<>();
        java.util.Set<Instant> keptOnce = new java.util.HashSet<>();
        for (Entry e : plain) {
            // Two files with the same second: keep only the first (newest name) for that kept time.
            if (!(keep.contains(e.at()) && keptOnce.add(e.at()))) {
                Files.deleteIfExists(e.file());
                deleted.add(e.file());
            }
        }
        List<Entry> tagged = all.stream().filter(e -> !plain.contains(e)).toList();
        for (Entry e : tagged.subList(Math.min(TAGGED_KEPT, tagged.size()), tagged.size())) {
            Files.deleteIfExists(e.file());
            deleted.add(e.file());
        }
        return deleted;
    }
}
