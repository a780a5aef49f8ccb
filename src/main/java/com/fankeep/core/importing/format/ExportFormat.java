package com.fankeep.core.importing.format;

/** One platform's export layout, recognised by its header. */
public interface ExportFormat {

    /** A stable id, e.g. "taobao_orders"; also what `import --format` takes. */
    String id();

    /** How sure we are that {@code header} is this format: 0 = not it; more matching columns = higher. */
    int score(Header header);

    FormatReader reader(Header header, FormatContext context);

    /** Files of a later pass are read after those of an earlier one: items files after the orders they belong to. */
    default int pass() {
        return 0;
    }
}
