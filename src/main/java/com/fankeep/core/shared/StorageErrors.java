package com.fankeep.core.shared;

import java.util.Locale;

/** Recognises a full disk in an exception chain, so the owner reads "the disk is full" instead of a database error. */
public final class StorageErrors {

    private StorageErrors() {
    }

    public static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            // Linux/macOS (ENOSPC), Windows
            if (m.contains("no space left on device") || m.contains("not enough space on the disk")) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (diskFull(s)) {
                    return true;
                }
            }
        }
        return false;
    }
}
