package com.fankeep.core.customer;

/** Columns the customer list can be sorted by (each with the customer id as tie-breaker, for keyset paging). */
public enum CustomerSort {
    ID, NAME, NICKNAME, CITY, TIER, RECOVERY_STATE, ORDERS, NET_SPEND, LAST_ORDER, CHANNELS, TAGS
}
