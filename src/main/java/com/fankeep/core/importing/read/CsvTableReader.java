package com.fankeep.core.importing.read;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** RFC 4180 CSV (quoted fields may hold commas and line breaks) via OpenCSV's RFC4180Parser. */
final class CsvTableReader implements TableReader {

    /** A longer field is not a real export: refuse it rather than run out of memory. */
    static final int MAX_FIELD_CHARS = 1_000_000;
    static final int MAX_COLUMNS = 2_000;
    /** One row's text, counted before it is parsed: bounds memory for a 1 GB line or millions of columns. */
    static final int MAX_RECORD_CHARS = 2 * MAX_FIELD_CHARS;

    private final CountingInputStream counting;
    private final CSVReader csv;
    private final RecordBoundReader bound;
    private final long size;
    private final String description;
    private long record;

    CsvTableReader(Path file, Charset charset, int bomLength, char delimiter) throws IOException {
        this.size = Math.max(1, Files.size(file));
        this.counting = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        counting.skipNBytes(bomLength);
        this.bound = new RecordBoundReader(new InputStreamReader(counting, charset), MAX_RECORD_CHARS);
        BufferedReader reader = new BufferedReader(bound, 1 << 16);
        this.csv = new CSVReaderBuilder(reader)
                .withCSVParser(new RFC4180ParserBuilder().withSeparator(delimiter).build())
                .withKeepCarriageReturn(false)
                .withMultilineLimit(200)
                .build();
        this.description = "CSV " + charset.name() + " '" + (delimiter == '\t' ? "\\t" : String.valueOf(delimiter)) + "'";
    }

    @Override
    public SheetRow next() throws IOException {
        String[] fields;
        bound.startRecord();
        try {
            fields = csv.readNext();
        } catch (CsvValidationException e) {
            throw new IOException("line " + (record + 1) + ": " + e.getMessage(), e);
        }
        if (fields == null) {
            return null;
        }
        record++;
        if (fields.length > MAX_COLUMNS) {
            throw new IOException("row " + record + " has " + fields.length + " columns; no export has more than " + MAX_COLUMNS);
        }
        for (String f : fields) {
            if (f.length() > MAX_FIELD_CHARS) {
                throw new IOException("row " + record + " has a cell of " + f.length() + " characters");
            }
        }
        return new SheetRow(record, Arrays.asList(fields));
    }

    @Override
    public double fractionRead() {
        return Math.min(1.0, (double) counting.count() / size);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
