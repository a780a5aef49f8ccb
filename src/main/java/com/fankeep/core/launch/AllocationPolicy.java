package com.fankeep.core.launch;

import java.util.Arrays;

/** How requests beyond the quota are ordered: tier then request time, request time only, or a seeded lottery. */
public enum AllocationPolicy {
    TIER_TIME("tier-time", "tier_time"), TIME("time", "time"), LOTTERY("lottery", "lottery");

    private final String cli;
    private final String db;

    AllocationPolicy(String cli, String db) {
        this.cli = cli;
        this.db = db;
    }

    public String cli() {
        return cli;
    }

    public String db() {
        return db;
    }

    public static AllocationPolicy of(String code) {
        String c = code == null ? "" : code.strip();
        return Arrays.stream(values()).filter(p -> p.cli.equalsIgnoreCase(c) || p.db.equalsIgnoreCase(c)).findFirst()
                .orElseThrow(() -> new LaunchException("launch.error.policy", "unknown policy \"" + code
                        + "\"; known: tier-time time lottery", code));
    }
}
