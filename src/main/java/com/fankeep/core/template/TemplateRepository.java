package com.fankeep.core.template;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.MESSAGE_TEMPLATE;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;

import com.fankeep.core.db.jooq.tables.records.CustomerRecord;
import com.fankeep.core.db.jooq.tables.records.MessageTemplateRecord;
import com.fankeep.core.db.jooq.tables.records.ShopOrderRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

final class TemplateRepository {

    private final DSLContext dsl;

    TemplateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Built-ins in {@code locale} and the owner's own templates, built-ins first. */
    List<MessageTemplate> list(String locale) {
        var where = MESSAGE_TEMPLATE.LOCALE.isNull();
        if (locale != null) {
            where = where.or(MESSAGE_TEMPLATE.LOCALE.eq(locale));
        } else {
            where = org.jooq.impl.DSL.trueCondition();
        }
        return dsl.selectFrom(MESSAGE_TEMPLATE).where(where)
                .orderBy(MESSAGE_TEMPLATE.BUILTIN.desc(), MESSAGE_TEMPLATE.ID).fetch(TemplateRepository::map);
    }

    Optional<MessageTemplate> find(long id) {
        return dsl.selectFrom(MESSAGE_TEMPLATE).where(MESSAGE_TEMPLATE.ID.eq(id)).fetchOptional(TemplateRepository::map);
    }

    Optional<Long> builtinId(String code, String locale) {
        return dsl.select(MESSAGE_TEMPLATE.ID).from(MESSAGE_TEMPLATE)
                .where(MESSAGE_TEMPLATE.CODE.eq(code).and(MESSAGE_TEMPLATE.LOCALE.eq(locale)))
                .fetchOptional(MESSAGE_TEMPLATE.ID);
    }

    long insert(String name, String body, OffsetDateTime now) {
        return dsl.insertInto(MESSAGE_TEMPLATE).set(MESSAGE_TEMPLATE.NAME, name).set(MESSAGE_TEMPLATE.BODY, body)
                .set(MESSAGE_TEMPLATE.BUILTIN, false).set(MESSAGE_TEMPLATE.CREATED_AT, now).set(MESSAGE_TEMPLATE.UPDATED_AT, now)
                .returning(MESSAGE_TEMPLATE.ID).fetchOne().getId();
    }

    void update(long id, String name, String body, OffsetDateTime now) {
        dsl.update(MESSAGE_TEMPLATE).set(MESSAGE_TEMPLATE.NAME, name).set(MESSAGE_TEMPLATE.BODY, body)
                .set(MESSAGE_TEMPLATE.UPDATED_AT, now).where(MESSAGE_TEMPLATE.ID.eq(id)).execute();
    }

    void delete(long id) {
        dsl.deleteFrom(MESSAGE_TEMPLATE).where(MESSAGE_TEMPLATE.ID.eq(id)).execute();
    }

    Optional<CustomerRecord> customer(long id) {
        return dsl.selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(id)).fetchOptional();
    }

    Optional<String> nickname(long customerId) {
        return dsl.select(CONTACT_CHANNEL.RAW_VALUE).from(CONTACT_CHANNEL)
                .where(CONTACT_CHANNEL.CUSTOMER_ID.eq(customerId).and(CONTACT_CHANNEL.KIND.eq("nickname")))
                .orderBy(CONTACT_CHANNEL.IS_PRIMARY.desc(), CONTACT_CHANNEL.ID).limit(1)
                .fetchOptional(CONTACT_CHANNEL.RAW_VALUE);
    }

    Optional<ShopOrderRecord> order(long id) {
        return dsl.selectFrom(SHOP_ORDER).where(SHOP_ORDER.ID.eq(id)).fetchOptional();
    }

    Optional<ShopOrderRecord> lastOrder(long customerId) {
        return dsl.selectFrom(SHOP_ORDER).where(SHOP_ORDER.CUSTOMER_ID.eq(customerId))
                .orderBy(SHOP_ORDER.ORDERED_AT.desc().nullsLast(), SHOP_ORDER.ID.desc()).limit(1).fetchOptional();
    }

    Optional<String> firstItem(long orderId) {
        return dsl.select(ORDER_LINE.TITLE).from(ORDER_LINE).where(ORDER_LINE.ORDER_ID.eq(orderId).and(ORDER_LINE.TITLE.isNotNull()))
                .orderBy(ORDER_LINE.LINE_NO).limit(1).fetchOptional(ORDER_LINE.TITLE);
    }

    static MessageTemplate map(MessageTemplateRecord r) {
        return new MessageTemplate(r.getId(), r.getCode(), r.getLocale(), r.getName(), r.getBody(), Boolean.TRUE.equals(r.getBuiltin()));
    }
}
