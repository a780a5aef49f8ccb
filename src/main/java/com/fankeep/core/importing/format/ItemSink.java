package com.fankeep.core.importing.format;

import com.fankeep.core.importing.model.ImportItem;
import com.fankeep.core.importing.model.ImportProblem;

/** Receives what a format reader makes of the rows. */
public interface ItemSink {

    void item(ImportItem item);

    void problem(ImportProblem problem);
}
