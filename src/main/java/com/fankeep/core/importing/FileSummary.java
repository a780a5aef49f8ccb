package com.fankeep.core.importing;

/**
 * What an import did (or would do) with one file.
 *
 * @param contacts contacts that added a customer or a contact channel (a known contact again is not counted)
 * @param refusal why the file was not imported at all (unreadable, unknown layout), or null
 * @param batchId the batch the file became, or null when nothing was stored
 */
public record FileSummary(String file, String format, String reader, long rows, long newOrders, long updatedOrders,
                          long unchangedOrders, long lines, long contacts, long newCustomers, long matchedCustomers,
                          long problems, String refusal, Long batchId) {

    public boolean changedSomething() {
        return newOrders + updatedOrders + lines + contacts + newCustomers > 0;
    }
}
