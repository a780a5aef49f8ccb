package com.fankeep.ui.templates;

import com.fankeep.core.settings.FollowUpRuleSettings;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.template.MessageTemplate;
import com.fankeep.core.template.Rendered;
import com.fankeep.core.template.TemplateService;
import com.fankeep.ui.common.UiTasks;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Settings for follow-ups: the automatic rules and their delays, the shop name, and the message templates. */
public final class FollowUpSettingsViewModel {

    private final SettingsService settings;
    private final TemplateService templates;
    private final UiTasks tasks;
    private final ObjectProperty<FollowUpRuleSettings> rules = new SimpleObjectProperty<>();
    private final StringProperty shopName = new SimpleStringProperty("");
    private final ObservableList<MessageTemplate> templateList = FXCollections.observableArrayList();

    public FollowUpSettingsViewModel(SettingsService settings, TemplateService templates, UiTasks tasks) {
        this.settings = settings;
        this.templates = templates;
        this.tasks = tasks;
    }

    public ObjectProperty<FollowUpRuleSettings> rulesProperty() {
        return rules;
    }

    public StringProperty shopNameProperty() {
        return shopName;
    }

    public ObservableList<MessageTemplate> templates() {
        return templateList;
    }

    public void load(String locale) {
        tasks.call(() -> new Object[] {settings.followUpRules(), settings.shopName(), templates.list(locale)}, r -> {
            rules.set((FollowUpRuleSettings) r[0]);
            shopName.set((String) r[1]);
            @SuppressWarnings("unchecked")
            java.util.List<MessageTemplate> list = (java.util.List<MessageTemplate>) r[2];
            templateList.setAll(list);
        });
    }

    public void saveRules(FollowUpRuleSettings s) {
        tasks.call(() -> {
            settings.setFollowUpRules(s);
            return s;
        }, rules::set);
    }

    public void saveShopName(String name) {
        tasks.call(() -> {
            settings.setShopName(name);
            return name;
        }, shopName::set);
    }

    /** Saves a template (a new one when {@code id} is null) and lists them again. */
    public void saveTemplate(Long id, String name, String body, String locale, Consumer<MessageTemplate> saved) {
        tasks.call(() -> id == null ? templates.create(name, body) : templates.update(id, name, body), t -> {
            saved.accept(t);
            tasks.call(() -> templates.list(locale), templateList::setAll);
        });
    }

    public void deleteTemplate(long id, String locale) {
        tasks.call(() -> {
            templates.delete(id);
            return templates.list(locale);
        }, templateList::setAll);
    }

    /** The text being edited, filled in for customer {@code customerId}. */
    public void preview(String body, long customerId, Consumer<Rendered> shown, Consumer<Throwable> failed) {
        tasks.call(() -> templates.renderText(body, customerId, null), shown, failed::accept);
    }
}
