package com.fankeep.core.launch;

import java.util.Arrays;
import java.util.Locale;

/** The phases of a launch, in the order they run (playbook "不要急着销售"). */
public enum PhaseKind {
    WARMUP, TRIAL, FIRST_BATCH, PAUSE, PUBLIC, REGULAR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Phases that sell: they carry a quota, a per-customer limit and a price. */
    public boolean sells() {
        return this == FIRST_BATCH || this == PUBLIC || this == REGULAR;
    }

    public static PhaseKind of(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(k -> k.code().equals(c)).findFirst()
                .orElseThrow(() -> new LaunchException("launch.error.kind", "unknown phase kind \"" + code
                        + "\"; known: warmup trial first_batch pause public regular", code));
    }
}
