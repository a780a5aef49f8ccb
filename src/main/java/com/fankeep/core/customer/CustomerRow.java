package com.fankeep.core.customer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of the customer list.
 *
 * @param spend    net spend per currency (CNY, USD …), net of refunds
 * @param channels kinds of contact channels present (phone, wechat, qq, weibo, douyin, email, address)
 */
public record CustomerRow(long id, String name, List<String> nicknames, String city, String tier, String recoveryState,
                          int orderCount, Map<String, BigDecimal> spend, OffsetDateTime lastOrderAt,
                          Set<String> channels, List<String> tags) {

    public CustomerRow {
        nicknames = List.copyOf(nicknames);
        spend = Map.copyOf(spend);
        channels = Set.copyOf(channels);
        tags = List.copyOf(tags);
    }
}
