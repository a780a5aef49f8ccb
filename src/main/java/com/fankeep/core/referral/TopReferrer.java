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

    /** Net spend of the referred over all currencies, not converted (ranking when no rates are known). */
    public BigDecimal spendTotal() {
        return referredSpend.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Net spend of the referred in the main currency: {@code rates} give the main currency's worth of one unit of each
     * currency (Settings, as tiers use them); a currency without a rate does not count.
     */
    public BigDecimal spendIn(Map<String, BigDecimal> rates) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : referredSpend.entrySet()) {
            BigDecimal rate = rates.get(e.getKey());
            if (rate != null) {
                total = total.add(e.getValue().multiply(rate));
            }
        }
        return total;
    }
}
