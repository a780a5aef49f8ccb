package com.fankeep.core.export;

import java.util.Locale;

/** What a customer export writes: a CSV sheet, an Excel workbook, or vCards for the phone's address book. */
public enum ExportKind {
    CSV("customers_csv", ".csv"), XLSX("customers_xlsx", ".xlsx"), VCF("vcard", ".vcf");

    private final String logKind;
    private final String extension;

    ExportKind(String logKind, String extension) {
        this.logKind = logKind;
        this.extension = extension;
    }

    /** The kind the export log records (export_log.kind). */
    String logKind() {
        return logKind;
    }

    public String extension() {
        return extension;
    }

    public static ExportKind of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown export format '" + name + "'; known: csv, xlsx, vcf");
        }
    }
}
