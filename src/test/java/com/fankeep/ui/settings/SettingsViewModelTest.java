package com.fankeep.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.settings.Language;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.ui.common.Localization;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {

    private final List<Throwable> unexpected = new ArrayList<>();
    private final UiTasks tasks = UiTasks.direct(unexpected::add);

    @Test
    void choosingChineseSavesItAndSwitchesTheTexts(@TempDir Path dir) {
        try (Database db = Database.open(dir)) {
            SettingsService settings = new SettingsService(db);
            Localization l10n = new Localization(Language.SYSTEM, Locale.US);
            SettingsViewModel vm = new SettingsViewModel(settings, tasks, l10n, dir);
            assertThat(l10n.messages().get("nav.today")).isEqualTo("Today");

            vm.chooseLanguage(Language.ZH_CN);

            assertThat(settings.language()).isEqualTo(Language.ZH_CN);
            assertThat(vm.language()).isEqualTo(Language.ZH_CN);
            assertThat(l10n.messages().get("nav.today")).isEqualTo("今日待办");
            assertThat(vm.savingProperty().get()).isFalse();
            assertThat(unexpected).isEmpty();
        }
    }

    @Test
    void followingTheSystemMeansChineseOnAChineseComputer() {
        SettingsViewModel vm = new SettingsViewModel(null, tasks, new Localization(Language.EN, Locale.CHINA), Path.of("."));
        assertThat(vm.systemLanguage()).isEqualTo(Language.ZH_CN);
        SettingsViewModel us = new SettingsViewModel(null, tasks, new Localization(Language.EN, Locale.US), Path.of("."));
        assertThat(us.systemLanguage()).isEqualTo(Language.EN);
    }

    @Test
    void aChoiceThatCannotBeSavedKeepsTheOldLanguageAndIsReported(@TempDir Path dir) {
        Database db = Database.open(dir);
        db.close();
        Localization l10n = new Localization(Language.EN, Locale.US);
        SettingsViewModel vm = new SettingsViewModel(new SettingsService(db), tasks, l10n, dir);

        vm.chooseLanguage(Language.ZH_CN);

        assertThat(l10n.language()).isEqualTo(Language.EN);
        assertThat(l10n.messages().get("nav.today")).isEqualTo("Today");
        assertThat(vm.savingProperty().get()).isFalse();
        assertThat(unexpected).hasSize(1);
    }
}
