package com.fankeep.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsServiceTest {

    @TempDir
    Path temp;

    @Test
    void languageDefaultsToSystemAndIsRememberedAcrossRestarts() {
        Path dir = temp.resolve("data");
        try (Database db = Database.open(dir)) {
            SettingsService settings = new SettingsService(db);
            assertThat(settings.language()).isEqualTo(Language.SYSTEM);
            settings.setLanguage(Language.EN);
            settings.setLanguage(Language.ZH_CN);
        }
        try (Database db = Database.open(dir)) {
            assertThat(new SettingsService(db).language()).isEqualTo(Language.ZH_CN);
        }
    }

    @Test
    void systemLanguageFollowsTheMachine() {
        assertThat(Language.SYSTEM.locale(Locale.CHINA)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Language.SYSTEM.locale(Locale.TAIWAN).getLanguage()).isEqualTo("zh");
        assertThat(Language.SYSTEM.locale(Locale.GERMANY)).isEqualTo(Locale.ENGLISH);
        assertThat(Language.EN.locale(Locale.CHINA)).isEqualTo(Locale.ENGLISH);
        assertThat(Language.fromCode("nonsense")).isEqualTo(Language.SYSTEM);
    }

    @Test
    void windowAndTableLayoutsAreRememberedAcrossRestartsApartFromOtherSettings() {
        Path dir = temp.resolve("layouts");
        try (Database db = Database.open(dir)) {
            SettingsService settings = new SettingsService(db);
            assertThat(settings.layouts()).isEmpty();
            settings.setLanguage(Language.EN);
            settings.setLayout("main-window", "10,20,1200,800,false");
            settings.setLayout("table-customers", "customers-name=120,customers-city=90");
            settings.setLayout("main-window", "0,0,1366,740,true");
        }
        try (Database db = Database.open(dir)) {
            assertThat(new SettingsService(db).layouts()).containsOnly(
                    java.util.Map.entry("main-window", "0,0,1366,740,true"),
                    java.util.Map.entry("table-customers", "customers-name=120,customers-city=90"));
        }
    }
}
