package com.fankeep.core.importing;

/**
 * What an import did (or would do) with one file.
 *
 * @param contacts    contacts read (from address books and customer lists)
 * @param newChannels contact channels added (phones, WeChat ids … of new customers and new ones of known customers)
 * @param refusal why the file was not imported at all (unreadable, unknown layout), or null
 * @param batchId the batch the file became, or null when nothing was stored
 */
public record FileSummary(String file, String format, String reader, long rows, long newOrders, long updatedOrders,
                          long unchangedOrders, long lines, long contacts, long newCustomers, long matchedCustomers,
                          long newChannels, long problems, String refusal, Long batchId) {

    public boolean changedSomething() {
        return newOrders + updatedOrders + lines + newCustomers + newChannels > 0;
    }
}
