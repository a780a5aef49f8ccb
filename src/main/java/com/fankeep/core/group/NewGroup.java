package com.fankeep.core.group;

/**
 * A group to create. {@code capacity} null takes the kind's default (WeChat 500, QQ 500, none for others).
 */
public record NewGroup(String name, GroupKind kind, Integer capacity, String eligibleSegment, String city) {

    public NewGroup {
        name = name == null ? "" : name.strip();
        eligibleSegment = eligibleSegment == null || eligibleSegment.isBlank() ? null : eligibleSegment.strip();
        city = city == null || city.isBlank() ? null : city.strip();
    }

    public static NewGroup of(String name, GroupKind kind) {
        return new NewGroup(name, kind, null, null, null);
    }
}
