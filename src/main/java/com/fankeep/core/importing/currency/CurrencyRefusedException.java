package com.fankeep.core.importing.currency;

import com.fankeep.core.shared.RefusedException;

/** A currency or platform the owner typed that FanKeep does not know; nothing was changed. */
public final class CurrencyRefusedException extends RefusedException {

    public CurrencyRefusedException(String key, String message, Object... args) {
        super(key, message, args);
    }
}
