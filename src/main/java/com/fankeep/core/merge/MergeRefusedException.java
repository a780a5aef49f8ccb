package com.fankeep.core.merge;

import com.fankeep.core.shared.RefusedException;

/** A merge request refused with a message for the owner; nothing was changed. */
public final class MergeRefusedException extends RefusedException {

    public MergeRefusedException(String key, String message, Object... args) {
        super(key, message, args);
    }
}
