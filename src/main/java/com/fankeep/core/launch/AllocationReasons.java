package com.fankeep.core.launch;

import com.fankeep.core.shared.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A fan's allocation said in words: "铁粉, asked 10:02, 2 of 2 allocated" / "VIP, asked 10:40, waitlist #3". */
public final class AllocationReasons {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter MDHM = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private AllocationReasons() {
    }

    /** @param today the day whose times are said without a date (the service's clock, not the machine's) */
    public static String text(Messages m, Allocation a, ZoneId zone, java.time.LocalDate today, AllocationPolicy policy) {
        String tier = m.get("launch.tier." + (a.tier() == null ? "none" : a.tier()));
        var local = a.askedAt().atZoneSameInstant(zone);
        String asked = local.toLocalDate().equals(today) ? HM.format(local) : MDHM.format(local);
        StringBuilder s = new StringBuilder(m.get("launch.reason.head", tier, asked));
        if (policy == AllocationPolicy.LOTTERY) {
            s.append(m.get("launch.reason.drawn", a.rank()));
        } else if (policy == AllocationPolicy.TIER_TIME && !a.inWindow()) {
            s.append(m.get("launch.reason.outside"));
        }
        if (a.allocated() > 0) {
            s.append(m.get("launch.reason.allocated", a.allocated(), a.wanted()));
        }
        if (a.waitlistPosition() != null) {
            s.append(m.get("launch.reason.waitlist", a.waitlistPosition()));
        }
        if (a.requested() > a.wanted()) {
            s.append(m.get("launch.reason.limit", a.wanted()));
        }
        return s.toString();
    }
}
