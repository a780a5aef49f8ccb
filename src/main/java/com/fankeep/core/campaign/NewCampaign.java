package com.fankeep.core.campaign;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the owner sets up. The audience is one of: a saved segment (or rule), a group, or hand-picked customers;
 * do-not-contact customers are left out (and counted) unless {@code includeDoNotContact}.
 *
 * @param unitCost     per unit, in {@code currency}
 * @param shippingCost per parcel, in {@code currency}
 * @param quantity     units in stock
 * @param perCustomer  most units one customer may claim
 */
public record NewCampaign(String name, CampaignKind kind, String gift, BigDecimal unitCost, BigDecimal shippingCost,
                          String currency, int quantity, int perCustomer, OffsetDateTime opens, OffsetDateTime closes,
                          String audienceSegment, Long audienceGroupId, List<Long> pickedCustomerIds,
                          boolean includeDoNotContact, String announcement, ClaimPriority priority) {

    public NewCampaign {
        name = name == null ? "" : name.strip();
        kind = kind == null ? CampaignKind.GIFT : kind;
        unitCost = unitCost == null ? BigDecimal.ZERO : unitCost;
        shippingCost = shippingCost == null ? BigDecimal.ZERO : shippingCost;
        currency = currency == null || currency.isBlank() ? "CNY" : currency.strip().toUpperCase(java.util.Locale.ROOT);
        pickedCustomerIds = pickedCustomerIds == null ? List.of() : List.copyOf(pickedCustomerIds);
        priority = priority == null ? ClaimPriority.TIME : priority;
    }
}
