package com.fankeep.core.group;

import java.util.List;
import java.util.Locale;

/**
 * What a group is. Capacities: WeChat groups hold 500 (the commonly cited figure; Tencent publishes none for personal
 * WeChat), QQ groups 200 to 3000 by level (unconfirmed, so only offered as presets), others are free.
 */
public enum GroupKind {
    WECHAT("wechat", 500, List.of(500)),
    QQ("qq", 500, List.of(200, 500, 1000, 2000, 3000)),
    OFFLINE("offline", null, List.of()),
    OTHER("other", null, List.of());

    private final String code;
    private final Integer defaultCapacity;
    private final List<Integer> presets;

    GroupKind(String code, Integer defaultCapacity, List<Integer> presets) {
        this.code = code;
        this.defaultCapacity = defaultCapacity;
        this.presets = presets;
    }

    /** The code as stored and as the CLI and JSON write it. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    /** The capacity a new group of this kind gets unless the owner sets one; null means no limit. */
    public Integer defaultCapacity() {
        return defaultCapacity;
    }

    /** Capacities offered in the editor (the owner may type any other). */
    public List<Integer> presets() {
        return presets;
    }

    public static GroupKind of(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (GroupKind k : values()) {
            if (k.code.equals(c)) {
                return k;
            }
        }
        throw new GroupException("group.error.kind", "unknown group kind " + code, code);
    }
}
