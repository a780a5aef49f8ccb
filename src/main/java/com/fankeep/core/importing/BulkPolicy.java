package com.fankeep.core.importing;

import java.util.List;
import java.util.Locale;

/**
 * When an import takes the bulk path (ADR 0023): a copy of the database loaded without its secondary indexes and
 * swapped in, instead of one transaction on the open file. Set with the system property {@value #PROPERTY}:
 * {@code auto} (the default), {@code always}, {@code never} (the bulk path off: every import in one transaction).
 */
public enum BulkPolicy {
    AUTO, ALWAYS, NEVER;

    public static final String PROPERTY = "fankeep.import.bulk";
    /**
     * Below this many orders (as estimated from the file sizes) the bulk path's fixed costs — copying the database,
     * building its indexes again, reopening it — outweigh what it saves (measured: ADR 0023).
     */
    static final long MIN_ORDERS = 20_000;
    /**
     * Bytes of export per order, on the low side (Taobao CSV ≈ 244–299, XLSX ≈ 170), so a file's order count is
     * over- rather than under-estimated.
     */
    static final long BYTES_PER_ORDER = 170;

    public static BulkPolicy fromSystem() {
        String v = System.getProperty(PROPERTY, "auto").trim().toUpperCase(Locale.ROOT);
        try {
            return valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be auto, always or never, not " + v, e);
        }
    }

    /** Whether files of these sizes go the bulk path into a database holding {@code storedOrders} orders. */
    public boolean takesBulkPath(List<Long> fileSizes, long storedOrders) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> {
                long estimated = fileSizes.stream().mapToLong(Long::longValue).sum() / BYTES_PER_ORDER;
                yield estimated >= MIN_ORDERS && estimated > storedOrders;
            }
        };
    }
}
