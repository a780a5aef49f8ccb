package com.fankeep.core.launch;

import com.fankeep.core.shared.RefusedException;

/** A launch request that was refused (i18n "launch.error.*"); nothing was changed when this is thrown. */
public class LaunchException extends RefusedException {

    public LaunchException(String key, String message, Object... args) {
        super(key, message, args);
    }

    /** The public price is below the VIP first-batch price: the promise to old fans. */
    public static final class PublicBelowVip extends LaunchException {
        PublicBelowVip(java.math.BigDecimal publicPrice, java.math.BigDecimal vipPrice, String currency) {
            super("launch.error.publicBelowVip", "the public price " + publicPrice + " " + currency
                    + " is below the VIP price " + vipPrice + " " + currency + "; old fans were promised the best price; nothing was changed",
                    publicPrice.toPlainString(), vipPrice.toPlainString(), currency);
        }
    }
}
