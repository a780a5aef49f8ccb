package com.fankeep.core.customer;

import com.fankeep.core.shared.RefusedException;

/**
 * Setting "referred by" would close a loop: the referrer was itself referred (directly or through others) by the
 * customer, so the customer cannot be referred by the referrer. The owner's message names both ("小林 (#3)"); the
 * exception's own message, which may reach a log, gives only their ids.
 */
public final class ReferralLoopException extends RefusedException {

    public ReferralLoopException(long referrerId, String referrer, long customerId, String customer) {
        super("referrals.error.loop", "#" + referrerId + " was referred (directly or through others) by #" + customerId
                + ", so #" + customerId + " cannot be referred by #" + referrerId + ": a referral loop is not possible", referrer, customer);
    }
}
