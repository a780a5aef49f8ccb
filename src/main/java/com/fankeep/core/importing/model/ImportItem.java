package com.fankeep.core.importing.model;

/** What a format reader produces from rows. */
public sealed interface ImportItem permits ImportedOrder, ImportedLines, ImportedContact {

    SourceRef source();
}
