package com.fankeep.core.tier;

/** How many customers hold a tier ({@code tier} null: customers with no tier). */
public record TierCount(String tier, long count) {
}
