package com.fankeep.core.referral;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A referrer ranked.
 *
 * @param referred      live customers they referred
 * @param referredSpend those customers' net spend, per currency
 */
public record TopReferrer(long id, String name, int referred, Map<String, BigDecimal> referredSpend) {

    public TopReferrer {
        referredSpend = Map.copyOf(referredSpend);
    }

    /** Net spend of the referred over all currencies (ranking only; amounts are not converted). */
    public BigDecimal spendTotal() {
        return referredSpend.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
