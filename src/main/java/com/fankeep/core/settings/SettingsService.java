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
}
