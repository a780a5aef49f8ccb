package com.fankeep.core.importing;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * What to import.
 *
 * @param formatId a format the owner chose (`--format`), or null to detect it from each file's header
 * @param encoding an encoding the owner chose (`--encoding`), or null to detect it
 * @param zone     the shop's time zone, for export times without an offset
 */
public record ImportRequest(List<Path> files, String formatId, Charset encoding, ZoneId zone) {

    public ImportRequest {
        files = List.copyOf(files);
        zone = zone == null ? ZoneId.systemDefault() : zone;
    }

    public static ImportRequest of(Path... files) {
        return new ImportRequest(List.of(files), null, null, null);
    }
}
