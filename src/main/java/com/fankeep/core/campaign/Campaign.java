package com.fankeep.core.campaign;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A campaign as stored, with its stock left and how many units are claimed (held by entries). */
public record Campaign(long id, String name, CampaignKind kind, String gift, BigDecimal unitCost, BigDecimal shippingCost,
                       String currency, int quantity, int perCustomer, OffsetDateTime opens, OffsetDateTime closes,
                       String audienceSegment, Long audienceGroupId, String announcement, ClaimPriority priority,
                       CampaignStatus status, int stockLeft, int dncLeftOut, int claimedUnits, int claims) {

    /** Units claimed × (unit cost + shipping per parcel), in {@link #currency}. */
    public BigDecimal costSoFar() {
        return unitCost.add(shippingCost).multiply(BigDecimal.valueOf(claimedUnits));
    }

    /** Every unit given: quantity × (unit cost + shipping). */
    public BigDecimal budget() {
        return unitCost.add(shippingCost).multiply(BigDecimal.valueOf(quantity));
    }
}
