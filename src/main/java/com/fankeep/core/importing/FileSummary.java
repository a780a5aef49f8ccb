package com.fankeep.core.importing;

/**
 * What an import did (or would do) with one file.
 *
 * @param contacts    contacts read (from address books and customer lists)
 * @param newChannels contact channels added (phones, WeChat ids … of new customers and new ones of known customers)
 * @param refusal why the file was not imported at all (unreadable, unknown layout), or null
 * @param batchId the batch the file became, or null when nothing was stored
 * @param problems rows with problems, notes included
 * @param notes    of those, the notes ({@link com.fankeep.core.importing.model.ImportProblem#isNote()}): nothing lost
 * @param metInOtherFiles customers new in this import whom an earlier file of it brought and this file adds to
 *                        (the same person in two exports of one import)
 * @param amendedInRun orders an earlier file of this import stored that this file changed (an item file's refund):
 *                     new orders to the owner, so not "updated", but a change this file's batch holds
 */
public record FileSummary(String file, String format, String reader, long rows, long newOrders, long updatedOrders,
                          long unchangedOrders, long lines, long contacts, long newCustomers, long matchedCustomers,
                          long newChannels, long problems, String refusal, Long batchId, long notes, long metInOtherFiles,
                          long amendedInRun) {

    /** Rows with real problems: the notes left out. */
    public long realProblems() {
        return problems - notes;
    }

    public boolean changedSomething() {
        return newOrders + updatedOrders + amendedInRun + lines + newCustomers + newChannels > 0;
    }
}
