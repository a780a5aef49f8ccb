package com.fankeep.core.unassigned;

/**
 * One reason a known customer may be the masked buyer: a code ({@code phone_tail}, {@code phone_head},
 * {@code surname}, {@code district}, {@code city}, {@code item}) and what matched; shown as
 * {@code orders.unassigned.evidence.<code>}.
 */
public record Evidence(String code, String value) {
}
