package com.fankeep.core.customer;

import java.time.OffsetDateTime;

/**
 * A contact channel of a customer.
 *
 * @param funnelState known → exported (to the phone's address book) → requested (friend request sent) → connected
 */
public record ContactChannel(long id, String kind, String platform, String value, boolean primary, boolean masked,
                             String funnelState, OffsetDateTime funnelStateAt, OffsetDateTime createdAt) {

    public static final java.util.List<String> KINDS = java.util.List.of("phone", "wechat", "qq", "weibo", "douyin", "email", "address");
    public static final java.util.List<String> FUNNEL = java.util.List.of("known", "exported", "requested", "connected");
}
