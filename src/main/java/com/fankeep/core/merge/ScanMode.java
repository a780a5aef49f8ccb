package com.fankeep.core.merge;

import java.util.Set;

/** What the scan's row handlers do with a key: group it, only note it for the scope, record it for storing, or skip it. */
final class ScanMode {

    /** Each customer's keys are recorded here too (null: not recorded). */
    KeySink keys;
    /** Reading the scope's rows: a key is noted as one to look for, nothing is grouped. */
    boolean collecting;
    /** Only each customer's keys (nothing grouped): a refresh, a rebuild, a check. */
    boolean keysOnly;
    /** The full scan through the keys: the hashes of keys held by more than MAX_GROUP customers (no evidence). */
    Set<Long> common;

    boolean isCommon(String tag, String key) {
        return common != null && common.contains(DuplicateKeys.hash(tag, key));
    }
}
