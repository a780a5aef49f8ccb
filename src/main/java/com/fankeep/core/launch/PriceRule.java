package com.fankeep.core.launch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The playbook's promise to old fans: the public price is never below the VIP (first-batch) price — refused; a VIP price
 * below the unit cost is allowed but warned about.
 */
public final class PriceRule {

    private PriceRule() {
    }

    /** @throws LaunchException.PublicBelowVip when the public price would be below the VIP price */
    public static List<String> check(BigDecimal vipPrice, BigDecimal publicPrice, BigDecimal unitCost, String currency) {
        if (vipPrice != null && publicPrice != null && publicPrice.compareTo(vipPrice) < 0) {
            throw new LaunchException.PublicBelowVip(publicPrice, vipPrice, currency);
        }
        List<String> warnings = new ArrayList<>();
        if (vipPrice != null && unitCost != null && vipPrice.compareTo(unitCost) < 0) {
            warnings.add("launch.warn.vipBelowCost");
        }
        return List.copyOf(warnings);
    }
}
