package com.fankeep.core.launch;

/** A fan on the waiting list: what they could get, what they have, their place (1-based). */
public record WaitlistEntry(long customerId, int wanted, int allocated, int position) {
}
