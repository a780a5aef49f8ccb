package com.fankeep.core.tier;

import java.util.Arrays;

/** The default RFM scheme, best first; the codes are what customer.tier holds (V0003's check constraint). */
public enum Tier {
    IRON_FAN("iron_fan"), VIP("vip"), REGULAR("regular"), NEW("new"), LAPSED("lapsed");

    private final String code;

    Tier(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws IllegalArgumentException for an unknown code, naming the known ones */
    public static Tier of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equalsIgnoreCase(code == null ? "" : code.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown tier \"" + code + "\"; known: "
                        + Arrays.stream(values()).map(Tier::code).toList()));
    }
}
