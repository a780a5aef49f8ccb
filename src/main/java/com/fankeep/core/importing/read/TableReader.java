package com.fankeep.core.importing.read;

import java.io.IOException;

/** Streams the rows of one table file (CSV, XLSX, XLS, or a vCard file read as a table) without loading it whole. */
public interface TableReader extends AutoCloseable {

    /** @return the next row, or null at the end */
    SheetRow next() throws IOException;

    /** How far through the file we are, 0…1, or -1 when unknown. */
    double fractionRead();

    /** What the file was read as, e.g. "CSV GB18030 ','" or "XLSX sheet 订单". */
    String description();

    @Override
    void close() throws IOException;
}
