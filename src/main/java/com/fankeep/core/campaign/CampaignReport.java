package com.fankeep.core.campaign;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Results of a campaign. Money in {@link #currency}. "After" is the {@code days} from the close of the claim window;
 * participants are the customers holding units; the comparison is live customers of the same tiers who were not in
 * the campaign, weighted by the participants' tier mix (so a campaign of iron fans is not compared with everyone).
 *
 * @param cost units claimed × (unit cost + shipping per parcel)
 */
public record CampaignReport(long id, String name, String status, int invited, int claimed, int claimedUnits,
                             int waitlisted, int shipped, int delivered, int thanked, int outsideAudience,
                             BigDecimal cost, BigDecimal budget, String currency, List<TierRate> claimRates, int days,
                             OffsetDateTime afterFrom, OffsetDateTime afterTo, int participants, int ordersAfter,
                             BigDecimal netSpendAfter, BigDecimal ordersPerParticipant, BigDecimal netPerParticipant,
                             int comparisonCustomers, BigDecimal comparisonOrdersPerCustomer,
                             BigDecimal comparisonNetPerCustomer) {

    public CampaignReport {
        claimRates = List.copyOf(claimRates);
    }

    /** Invited customers of a tier and how many of them claimed ("-": no tier). */
    public record TierRate(String tier, int invited, int claimed, BigDecimal rate) {
    }
}
