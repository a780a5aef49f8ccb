package com.fankeep.ui.common;

import com.fankeep.core.settings.Language;
import com.fankeep.core.shared.Messages;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The texts the UI shows now; the shell rebuilds its views when they change (ADR 0002). */
public final class Localization {

    private final Locale systemLocale;
    private final ReadOnlyObjectWrapper<Language> language;
    private final ReadOnlyObjectWrapper<Messages> messages;

    public Localization(Language language, Locale systemLocale) {
        this.systemLocale = systemLocale;
        this.language = new ReadOnlyObjectWrapper<>(language);
        this.messages = new ReadOnlyObjectWrapper<>(Messages.of(language.locale(systemLocale)));
    }

    /** Switches every text to {@code language}; call on the FX thread. */
    public void use(Language newLanguage) {
        language.set(newLanguage);
        messages.set(Messages.of(newLanguage.locale(systemLocale)));
    }

    public Language language() {
        return language.get();
    }

    public Messages messages() {
        return messages.get();
    }

    public ReadOnlyObjectProperty<Messages> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    /** The language "follow the system" picks on this computer. */
    public Locale systemUiLocale() {
        return Language.SYSTEM.locale(systemLocale);
    }
}
