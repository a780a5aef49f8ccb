package com.fankeep.core.settings;

/**
 * Which automatic follow-up rules run, and their delays in days.
 *
 * @param horizonDays rules ignore orders and lapses older than this, so importing years of history does not fill
 *                    Today with stale reminders (the Recovery pipeline handles long-lapsed customers)
 */
public record FollowUpRuleSettings(boolean tracking, boolean deliveryCheck, int deliveryCheckDays, boolean birthday,
                                   boolean winBack, int winBackDays, int horizonDays) {

    public static final FollowUpRuleSettings DEFAULTS = new FollowUpRuleSettings(true, true, 5, true, true, 180, 14);

    public FollowUpRuleSettings {
        if (deliveryCheckDays < 0 || deliveryCheckDays > 365) {
            throw new IllegalArgumentException("delivery check days must be 0..365");
        }
        if (winBackDays < 1 || winBackDays > 3650) {
            throw new IllegalArgumentException("win-back days must be 1..3650");
        }
        if (horizonDays < 0 || horizonDays > 3650) {
            throw new IllegalArgumentException("horizon days must be 0..3650");
        }
    }
}
