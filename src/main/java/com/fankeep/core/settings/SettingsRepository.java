package com.fankeep.core.settings;

import static com.fankeep.core.db.jooq.Tables.SETTING;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;

final class SettingsRepository {

    private final DSLContext dsl;

    SettingsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<String> get(String key) {
        return dsl.select(SETTING.SETTING_VALUE).from(SETTING).where(SETTING.SETTING_KEY.eq(key)).fetchOptional(SETTING.SETTING_VALUE);
    }

    java.util.Map<String, String> startingWith(String prefix) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        dsl.select(SETTING.SETTING_KEY, SETTING.SETTING_VALUE).from(SETTING).where(SETTING.SETTING_KEY.startsWith(prefix))
                .forEach(r -> out.put(r.value1().substring(prefix.length()), r.value2()));
        return out;
    }

    void put(String key, String value) {
        dsl.mergeInto(SETTING)
                .using(dsl.selectOne())
                .on(SETTING.SETTING_KEY.eq(key))
                .whenMatchedThenUpdate().set(SETTING.SETTING_VALUE, value).set(SETTING.UPDATED_AT, OffsetDateTime.now())
                .whenNotMatchedThenInsert(SETTING.SETTING_KEY, SETTING.SETTING_VALUE, SETTING.UPDATED_AT)
                .values(key, value, OffsetDateTime.now())
                .execute();
    }
}
