package com.fankeep.core.campaign;

import java.util.Locale;

/**
 * Where one customer stands in a campaign: invited → claimed → address confirmed → shipped → delivered → thanked, or
 * declined, expired (the window closed without a claim), cancelled, waitlisted (claimed after the stock ran out).
 */
public enum EntryState {
    INVITED, CLAIMED, ADDRESS_CONFIRMED, SHIPPED, DELIVERED, THANKED, DECLINED, EXPIRED, CANCELLED, WAITLISTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntryState of(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Holds units of the stock (claimed and everything after it). */
    public boolean holdsStock() {
        return this == CLAIMED || this == ADDRESS_CONFIRMED || this == SHIPPED || this == DELIVERED || this == THANKED;
    }

    /** Still waiting to be shipped. */
    public boolean toShip() {
        return this == CLAIMED || this == ADDRESS_CONFIRMED;
    }

    /** A claim is in (held or waiting): another claim by the same customer is refused. */
    public boolean claimIn() {
        return holdsStock() || this == WAITLISTED;
    }
}
