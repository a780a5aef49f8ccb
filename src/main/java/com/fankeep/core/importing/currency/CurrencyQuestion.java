package com.fankeep.core.importing.currency;

import java.util.List;

/**
 * The currency an import reads unlabelled amounts in, as the preview shows it.
 *
 * @param platforms the platforms of the order files read, in file order
 * @param unset     those of them without a currency in the settings yet: the preview asks (first run) and
 *                  {@link ShopCurrencies#remember} keeps the answer for them
 * @param code      the currency used: the one chosen for this import, else the first platform's setting, else its usual one
 */
public record CurrencyQuestion(List<String> platforms, List<String> unset, String code) {

    public CurrencyQuestion {
        platforms = List.copyOf(platforms);
        unset = List.copyOf(unset);
    }

    /** True when no setting covers these platforms yet: the preview asks instead of just showing. */
    public boolean firstTime() {
        return !unset.isEmpty();
    }
}
