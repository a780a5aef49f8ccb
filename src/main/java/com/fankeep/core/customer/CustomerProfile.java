package com.fankeep.core.customer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Everything the profile page shows of one customer. */
public record CustomerProfile(long id, String name, String tier, String recoveryState, String city, String province,
                              Birthday birthday, String note, Long referredById, String referredByName,
                              boolean doNotContact, String doNotContactReason, OffsetDateTime firstOrderAt,
                              OffsetDateTime lastOrderAt, int orderCount, Map<String, BigDecimal> spend,
                              List<ContactChannel> channels, List<String> tags, List<TimelineEntry> timeline) {

    public CustomerProfile {
        spend = Map.copyOf(spend);
        channels = List.copyOf(channels);
        tags = List.copyOf(tags);
        timeline = List.copyOf(timeline);
    }

    /** Nicknames per platform, e.g. {@code taobao: 小张}. */
    public List<ContactChannel> nicknames() {
        return channels.stream().filter(c -> c.kind().equals("nickname")).toList();
    }

    /** Channels other than nicknames (phones, WeChat, QQ, …, addresses). */
    public List<ContactChannel> contacts() {
        return channels.stream().filter(c -> !c.kind().equals("nickname")).toList();
    }
}
