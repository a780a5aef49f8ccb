package com.fankeep.core.importing;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * What to import.
 *
 * @param formatId    a format the owner chose (`--format`), or null to detect it from each file's header
 * @param encoding    an encoding the owner chose (`--encoding`), or null to detect it
 * @param zone        the shop's time zone, for export times without an offset
 * @param mappingName a saved column mapping to read the files with (`--mapping`), or null; not together with a
 *                    format. Without one, a file no format knows is still read with the mapping saved for its header.
 * @param currency    the currency of amounts the files do not label (`--currency`, the preview), or null for the
 *                    shop's currency per platform (Settings)
 */
public record ImportRequest(List<Path> files, String formatId, Charset encoding, ZoneId zone, String mappingName,
                            String currency) {

    public ImportRequest {
        files = List.copyOf(files);
        zone = zone == null ? ZoneId.systemDefault() : zone;
        if (formatId != null && mappingName != null) {
            throw new IllegalArgumentException("choose a format or a column mapping, not both");
        }
    }

    public ImportRequest(List<Path> files, String formatId, Charset encoding, ZoneId zone, String mappingName) {
        this(files, formatId, encoding, zone, mappingName, null);
    }

    /** Without a column mapping. */
    public ImportRequest(List<Path> files, String formatId, Charset encoding, ZoneId zone) {
        this(files, formatId, encoding, zone, null);
    }

    public static ImportRequest of(Path... files) {
        return new ImportRequest(List.of(files), null, null, null, null);
    }

    /** The same request, read with the saved column mapping of this name. */
    public ImportRequest withMapping(String name) {
        return new ImportRequest(files, formatId, encoding, zone, name, currency);
    }

    /** The same request, its unlabelled amounts read in this currency (ISO code). */
    public ImportRequest withCurrency(String code) {
        return new ImportRequest(files, formatId, encoding, zone, mappingName, code);
    }
}
