package com.fankeep.ui.settings;

import com.fankeep.core.settings.Language;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.ui.common.Localization;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** Settings: saves the language choice, then switches the whole UI to it (no restart). */
public final class SettingsViewModel {

    private final SettingsService settings;
    private final UiTasks tasks;
    private final Localization localization;
    private final Path dataFolder;
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();

    public SettingsViewModel(SettingsService settings, UiTasks tasks, Localization localization, Path dataFolder) {
        this.settings = settings;
        this.tasks = tasks;
        this.localization = localization;
        this.dataFolder = dataFolder;
    }

    public Language language() {
        return localization.language();
    }

    /** What "follow the system" means on this computer, e.g. for the label "Follow this computer (English)". */
    public Language systemLanguage() {
        return "zh".equals(localization.systemUiLocale().getLanguage()) ? Language.ZH_CN : Language.EN;
    }

    public Path dataFolder() {
        return dataFolder;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Saves {@code choice}; once it is stored the UI is rebuilt in that language. */
    public void chooseLanguage(Language choice) {
        if (choice == null || choice == localization.language() || saving.get()) {
            return;
        }
        saving.set(true);
        tasks.call(() -> {
            settings.setLanguage(choice);
            return choice;
        }, saved -> {
            saving.set(false);
            localization.use(saved);
        }, failure -> {
            saving.set(false);
            // Redraw in the language really stored, so the radio buttons do not show an unsaved choice.
            localization.use(localization.language());
            tasks.reportUnexpected(failure);
        });
    }
}
