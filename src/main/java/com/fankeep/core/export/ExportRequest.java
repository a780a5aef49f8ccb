package com.fankeep.core.export;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One export of customers.
 *
 * @param out            the file to write (for vCards in several batches: the name the numbered parts are made from)
 * @param gbk            CSV only: GBK for old Excel instead of UTF-8 with BOM
 * @param vcardBatchSize vCards per file (phones choke on big files); 0 for one file
 * @param locale         the language of the column headers and of the vCard note
 */
public record ExportRequest(ExportKind kind, CustomerFilter filter, Path out, boolean maskPhones, boolean maskAddresses,
                            boolean gbk, int vcardBatchSize, Locale locale) {

    public ExportRequest {
        if (kind == ExportKind.VCF && (maskPhones || maskAddresses)) {
            throw new IllegalArgumentException("a vCard with masked phones is of no use to the address book; export vCards unmasked");
        }
        if (vcardBatchSize < 0) {
            throw new IllegalArgumentException("batch size must be 0 (one file) or more");
        }
    }

    public static ExportRequest of(ExportKind kind, CustomerFilter filter, Path out) {
        return new ExportRequest(kind, filter, out, false, false, false, 0, Locale.getDefault());
    }
}
