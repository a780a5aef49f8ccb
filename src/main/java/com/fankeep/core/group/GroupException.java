package com.fankeep.core.group;

import com.fankeep.core.shared.RefusedException;
import java.util.List;

/**
 * A group change that did not happen, with a message key for the owner (i18n "group.error.*") and its arguments;
 * nothing was changed when this is thrown.
 */
public class GroupException extends RefusedException {

    public GroupException(String key, String message, Object... args) {
        super(key, message, args);
    }

    /** Adding would pass the group's capacity: nothing was added. */
    public static final class CapacityExceeded extends GroupException {
        private final int capacity;
        private final int current;
        private final int adding;

        CapacityExceeded(String group, int capacity, int current, int adding) {
            super("group.error.capacity", "group " + group + " holds at most " + capacity + " members: it has " + current
                    + ", adding " + adding + " would make " + (current + adding) + "; nothing was added",
                    group, capacity, current, adding, Math.max(0, capacity - current));
            this.capacity = capacity;
            this.current = current;
            this.adding = adding;
        }

        public int capacity() {
            return capacity;
        }

        public int current() {
            return current;
        }

        public int adding() {
            return adding;
        }
    }

    /** Some customers do not meet the eligibility segment and the owner has not confirmed: nothing was added. */
    public static final class NotEligible extends GroupException {
        private final List<Long> customerIds;

        NotEligible(String group, String segment, List<Long> customerIds) {
            super("group.error.notEligible", customerIds.size() + " customer(s) do not meet " + segment
                    + " of group " + group + "; confirm (--yes) to add them as exceptions; nothing was added",
                    group, segment, customerIds.size());
            this.customerIds = List.copyOf(customerIds);
        }

        public List<Long> customerIds() {
            return customerIds;
        }
    }
}
