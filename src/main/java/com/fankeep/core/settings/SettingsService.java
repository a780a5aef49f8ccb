package com.fankeep.core.settings;

import com.fankeep.core.db.Database;

/** The owner's settings, kept in the database so they travel with backups. */
public final class SettingsService {

    static final String LANGUAGE = "ui.language";

    private final Database database;

    public SettingsService(Database database) {
        this.database = database;
    }

    public Language language() {
        return database.transactionResult(dsl -> new SettingsRepository(dsl).get(LANGUAGE))
                .map(Language::fromCode).orElse(Language.SYSTEM);
    }

    public void setLanguage(Language language) {
        database.transaction(dsl -> new SettingsRepository(dsl).put(LANGUAGE, language.code()));
    }

    static final String RECOVERY_LAPSE_DAYS = "recovery.lapse_days";
    static final String SHOP_NAME = "shop.name";
    public static final int DEFAULT_LAPSE_DAYS = 180;

    /** A customer with no order for this many days is lapsed (the Recovery page's list). */
    public int recoveryLapseDays() {
        return database.transactionResult(dsl -> new SettingsRepository(dsl).get(RECOVERY_LAPSE_DAYS))
                .map(Integer::parseInt).orElse(DEFAULT_LAPSE_DAYS);
    }

    public void setRecoveryLapseDays(int days) {
        if (days < 1 || days > 36_500) {
            throw new IllegalArgumentException("lapsed after " + days + " days? choose 1 to 36500");
        }
        database.transaction(dsl -> new SettingsRepository(dsl).put(RECOVERY_LAPSE_DAYS, Integer.toString(days)));
    }

    /** The shop's name as customers know it (vCard notes say where a contact came from); "" when not set. */
    public String shopName() {
        return database.transactionResult(dsl -> new SettingsRepository(dsl).get(SHOP_NAME)).orElse("");
    }

    public void setShopName(String name) {
        database.transaction(dsl -> new SettingsRepository(dsl).put(SHOP_NAME, name == null ? "" : name.strip()));
    }
}
