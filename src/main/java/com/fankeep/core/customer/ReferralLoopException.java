package com.fankeep.core.customer;

import com.fankeep.core.shared.RefusedException;

/**
 * Setting "referred by" would close a loop: {@code referrer} was itself referred (directly or through others) by
 * {@code customer}, so {@code customer} cannot be referred by {@code referrer}. Both are named ("小林 (#3)").
 */
public final class ReferralLoopException extends RefusedException {

    public ReferralLoopException(String referrer, String customer) {
        super("referrals.error.loop", referrer + " was referred (directly or through others) by " + customer
                + ", so " + customer + " cannot be referred by " + referrer + ": a referral loop is not possible", referrer, customer);
    }
}
