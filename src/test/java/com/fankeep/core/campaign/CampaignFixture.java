package com.fankeep.core.campaign;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** A campaign test's world: a fresh database, the wired services at a fixed "now", customers written straight in. */
final class CampaignFixture {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-06T10:00:00+08:00");

    final Database db;
    final FanData data;
    final CoreServices services;
    final CampaignService campaigns;

    CampaignFixture(Database db) {
        this.db = db;
        this.data = new FanData(db);
        this.services = CoreServices.over(db, Clock.fixed(Instant.from(NOW), ZONE));
        this.campaigns = services.campaigns();
    }

    /** A customer with an order carrying a full address (the campaign fills entries from it). */
    long fan(String name, String tier, String phone, String detail) {
        long id = data.customer(name, "上海", tier, false, 1, "CNY", "10.00");
        data.exec("insert into shop_order (platform, external_order_id, customer_id, status, currency, ordered_at, receiver_name, "
                        + "receiver_phone, receiver_province, receiver_city, receiver_district, receiver_address) "
                        + "values ('taobao', ?, ?, 'completed', 'CNY', ?, ?, ?, '上海市', '上海市', '徐汇区', ?)",
                "A" + System.nanoTime(), id, NOW.minusDays(30), name, phone, detail);
        return id;
    }

    NewCampaign picked(String name, int quantity, ClaimPriority priority, List<Long> ids) {
        return new NewCampaign(name, CampaignKind.GIFT, "新年贺卡", new BigDecimal("2.50"), new BigDecimal("8.00"), "CNY", quantity,
                1, NOW.minusDays(1), NOW.plusDays(7), null, null, ids, false, "亲爱的{name}，新年礼物限量，回复即可领取", priority);
    }

    Campaign announced(NewCampaign n) {
        Campaign c = campaigns.create(n);
        campaigns.announce(c.id());
        return campaigns.find(c.id());
    }
}
