package com.fankeep.core.settings;

import com.fankeep.core.db.Database;

/** The owner's settings, kept in the database so they travel with backups. */
public final class SettingsService {

    static final String LANGUAGE = "ui.language";
    static final String SHOP_NAME = "shop.name";
    static final String RULES = "followup.rules.";

    private final Database database;

    public SettingsService(Database database) {
        this.database = database;
    }

    /** Every setting whose key starts with {@code prefix}, keyed without it (a feature's own group of settings). */
    public java.util.Map<String, String> values(String prefix) {
        return database.transactionResult(dsl -> new SettingsRepository(dsl).startingWith(prefix));
    }

    /** As {@link #values} read through {@code dsl} (the bulk import's private copy of the database). */
    public static java.util.Map<String, String> valuesIn(org.jooq.DSLContext dsl, String prefix) {
        return new SettingsRepository(dsl).startingWith(prefix);
    }

    /** Stores a feature's settings in one transaction, each key prefixed with {@code prefix}. */
    public void putValues(String prefix, java.util.Map<String, String> values) {
        database.transaction(dsl -> {
            SettingsRepository r = new SettingsRepository(dsl);
            values.forEach((k, v) -> r.put(prefix + k, v));
        });
    }

    public Language language() {
        return database.transactionResult(dsl -> new SettingsRepository(dsl).get(LANGUAGE))
                .map(Language::fromCode).orElse(Language.SYSTEM);
    }

    /**
     * The owner's language in a database not opened as a {@link Database} yet (an older FanKeep's file about to be
     * updated, ADR 0048); {@link Language#SYSTEM} when it cannot be read.
     */
    public static Language languageIn(javax.sql.DataSource current) {
        try (java.sql.Connection c = current.getConnection()) {
            return new SettingsRepository(org.jooq.impl.DSL.using(c, org.jooq.SQLDialect.H2, Database.jooqSettings()))
                    .get(LANGUAGE).map(Language::fromCode).orElse(Language.SYSTEM);
        } catch (java.sql.SQLException | RuntimeException e) {
            return Language.SYSTEM;
        }
    }

    public void setLanguage(Language language) {
        database.transaction(dsl -> new SettingsRepository(dsl).put(LANGUAGE, language.code()));
    }

    /** Where window and table layouts are kept (sizes, column widths and order): {@code ui.layout.<name>}. */
    public static final String LAYOUT = "ui.layout.";

    /** Every remembered layout, by name without the prefix; read once at start, off the FX thread. */
    public java.util.Map<String, String> layouts() {
        return values(LAYOUT);
    }

    public void setLayout(String name, String value) {
        if (name == null || name.isBlank() || name.length() > 90) {
            throw new IllegalArgumentException("layout name: " + name);
        }
        database.transaction(dsl -> new SettingsRepository(dsl).put(LAYOUT + name, value == null ? "" : value));
    }

    static final String RECOVERY_LAPSE_DAYS = "recovery.lapse_days";
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

    /** The shop's name as customers know it (vCard notes, {shop_name} in message templates); "" when not set. */
    public String shopName() {
        return database.transactionResult(dsl -> new SettingsRepository(dsl).get(SHOP_NAME)).orElse("");
    }

    public void setShopName(String name) {
        database.transaction(dsl -> new SettingsRepository(dsl).put(SHOP_NAME, name == null ? "" : name.strip()));
    }

    public FollowUpRuleSettings followUpRules() {
        return database.transactionResult(dsl -> {
            SettingsRepository r = new SettingsRepository(dsl);
            FollowUpRuleSettings d = FollowUpRuleSettings.DEFAULTS;
            return new FollowUpRuleSettings(
                    flag(r, "tracking", d.tracking()), flag(r, "deliveryCheck", d.deliveryCheck()),
                    number(r, "deliveryCheckDays", d.deliveryCheckDays()), flag(r, "birthday", d.birthday()),
                    flag(r, "winBack", d.winBack()), number(r, "winBackDays", d.winBackDays()),
                    number(r, "horizonDays", d.horizonDays()));
        });
    }

    public void setFollowUpRules(FollowUpRuleSettings s) {
        database.transaction(dsl -> {
            SettingsRepository r = new SettingsRepository(dsl);
            r.put(RULES + "tracking", Boolean.toString(s.tracking()));
            r.put(RULES + "deliveryCheck", Boolean.toString(s.deliveryCheck()));
            r.put(RULES + "deliveryCheckDays", Integer.toString(s.deliveryCheckDays()));
            r.put(RULES + "birthday", Boolean.toString(s.birthday()));
            r.put(RULES + "winBack", Boolean.toString(s.winBack()));
            r.put(RULES + "winBackDays", Integer.toString(s.winBackDays()));
            r.put(RULES + "horizonDays", Integer.toString(s.horizonDays()));
        });
    }

    private static boolean flag(SettingsRepository r, String key, boolean fallback) {
        return r.get(RULES + key).map(Boolean::parseBoolean).orElse(fallback);
    }

    private static int number(SettingsRepository r, String key, int fallback) {
        try {
            return r.get(RULES + key).map(String::strip).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
