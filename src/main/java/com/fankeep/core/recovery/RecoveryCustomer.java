package com.fankeep.core.recovery;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A customer on the Recovery page: what ranks them (net spend over all currencies, orders, last order) and where they are.
 *
 * @param spendText net spend per currency, e.g. "¥1,204.00" (MoneyText)
 * @param contacts  how to reach them from the card: phone, WeChat, QQ
 */
public record RecoveryCustomer(long id, String name, String city, int orderCount, BigDecimal netSpend, String spendText,
                               OffsetDateTime lastOrderAt, RecoveryState state, OffsetDateTime stateAt, boolean hasPhone,
                               Contacts contacts) {

    /**
     * The primary (else first) phone, WeChat and QQ; null where there is none.
     *
     * @param phone       as stored: E.164 for a full number, the platform's text for a masked one (138****8012)
     * @param phoneMasked the platform hid digits: it cannot be called
     */
    public record Contacts(String phone, boolean phoneMasked, String wechat, String qq) {
        public static final Contacts NONE = new Contacts(null, false, null, null);
    }
}
