package com.fankeep.core.unassigned;

import com.fankeep.core.shared.RefusedException;

/** An assignment that cannot be made (unknown order or customer, order already someone's); nothing was changed. */
public final class AssignRefusedException extends RefusedException {

    public AssignRefusedException(String key, String message, Object... args) {
        super(key, message, args);
    }
}
