package com.fankeep.core.importing.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Refuses an XLSX whose parts inflate far beyond their size before fastexcel-reader opens it: fastexcel streams rows,
 * but one huge cell (1 GB of spaces compresses to 1 MB) is read into memory whole, and POI's ZipSecureFile ratio
 * check did not stop it on that path (HostileFilesTest). Same rule as POI's default: below 1 % is a zip bomb.
 */
final class ZipBombCheck {

    static final double MIN_INFLATE_RATIO = 0.01;
    /** Entries smaller than this are never refused for their ratio (tiny parts compress very well). */
    static final long GRACE_BYTES = 1L << 20;
    /** No real export sheet comes near this; the check reads the sizes from the zip directory. */
    static final long MAX_TOTAL_BYTES = 2L << 30;

    private ZipBombCheck() {
    }

    static void check(Path file) throws IOException {
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                long size = e.getSize();
                long compressed = e.getCompressedSize();
                if (size < 0 || compressed < 0) {
                    continue;
                }
                total += size;
                if (size > GRACE_BYTES && (double) compressed / size < MIN_INFLATE_RATIO) {
                    throw new IOException("the part " + e.getName() + " inflates " + size / Math.max(1, compressed)
                            + " times (over 100 times is a zip bomb, not a spreadsheet)");
                }
            }
        }
        if (total > MAX_TOTAL_BYTES) {
            throw new IOException("the workbook unpacks to " + (total >> 20) + " MB; that is not a shop export");
        }
    }
}
