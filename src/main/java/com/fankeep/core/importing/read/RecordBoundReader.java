package com.fankeep.core.importing.read;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops a single record from growing without bound: a 1 GB line, or a row of millions of columns, is refused after
 * {@code limit} characters instead of being read into memory first (the CSV parser buffers a whole line).
 */
final class RecordBoundReader extends FilterReader {

    private final long limit;
    private long sinceRecord;

    RecordBoundReader(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** A new record starts; counting begins again (read-ahead of the buffer above is counted too, which is harmless). */
    void startRecord() {
        sinceRecord = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        sinceRecord += n;
        if (sinceRecord > limit) {
            throw new IOException("a row is longer than " + limit + " characters; no shop export has rows that long");
        }
    }
}
