package com.fankeep.ui.interaction;

import com.fankeep.core.followup.FollowUpService;
import com.fankeep.core.followup.NewFollowUp;
import com.fankeep.core.followup.TimelineEntry;
import com.fankeep.core.interaction.InteractionChange;
import com.fankeep.core.interaction.InteractionService;
import com.fankeep.core.interaction.NewInteraction;
import com.fankeep.core.template.MessageTemplate;
import com.fankeep.core.template.Rendered;
import com.fankeep.core.template.TemplateService;
import com.fankeep.ui.common.UiTasks;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One customer's interactions and follow-ups (the panel the customer profile embeds): list filtered by kind, log,
 * schedule, delete with undo, copy a template's message.
 */
public final class CustomerActivityViewModel {

    /** Which entries to show: everything, only follow-ups, or interactions of one kind (its code). */
    public static final String ALL = "all";
    public static final String FOLLOW_UPS = "follow_ups";

    /** The customer shown; null when none is chosen. */
    public record Customer(long id, String name) {
    }

    private final InteractionService interactions;
    private final FollowUpService followUps;
    private final TemplateService templates;
    private final UiTasks tasks;
    private final ObjectProperty<Customer> customer = new SimpleObjectProperty<>();
    private final ObjectProperty<String> filter = new SimpleObjectProperty<>(ALL);
    private final ObservableList<TimelineEntry> all = FXCollections.observableArrayList();
    private final ObservableList<TimelineEntry> shown = FXCollections.observableArrayList();
    private final ObservableList<MessageTemplate> templateList = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<InteractionChange> lastChange = new ReadOnlyObjectWrapper<>();
    private Runnable changed = () -> { };
    private final javafx.beans.property.StringProperty confirmation = new javafx.beans.property.SimpleStringProperty("");
    private java.util.function.Function<String, String> texts = key -> "";

    public CustomerActivityViewModel(InteractionService interactions, FollowUpService followUps, TemplateService templates,
                                     UiTasks tasks) {
        this.interactions = interactions;
        this.followUps = followUps;
        this.templates = templates;
        this.tasks = tasks;
        all.addListener((javafx.collections.ListChangeListener<TimelineEntry>) c -> applyFilter());
        filter.addListener(o -> applyFilter());
    }

    /** Called after this panel changed data (e.g. so Today refreshes). */
    public void onChanged(Runnable r) {
        this.changed = r;
    }

    /** What the last log or schedule did, in words ("Interaction logged."), or empty. */
    public javafx.beans.property.ReadOnlyStringProperty confirmationProperty() {
        return confirmation;
    }

    /** Where the confirmations' words come from (the window's language). */
    public void useTexts(java.util.function.Function<String, String> texts) {
        this.texts = texts;
    }

    public ZoneId zone() {
        return followUps.zone();
    }

    public ObjectProperty<Customer> customerProperty() {
        return customer;
    }

    public ObjectProperty<String> filterProperty() {
        return filter;
    }

    public ObservableList<TimelineEntry> entries() {
        return shown;
    }

    public ObservableList<MessageTemplate> templates() {
        return templateList;
    }

    public ReadOnlyObjectProperty<InteractionChange> lastChangeProperty() {
        return lastChange.getReadOnlyProperty();
    }

    public void show(long customerId, String name) {
        customer.set(new Customer(customerId, name));
        lastChange.set(null);
        confirmation.set("");
        refresh();
    }

    public void loadTemplates(String locale) {
        tasks.call(() -> templates.list(locale), templateList::setAll);
    }

    public void refresh() {
        Customer c = customer.get();
        if (c == null) {
            all.clear();
            return;
        }
        tasks.call(() -> followUps.timeline(c.id()), list -> {
            if (c.equals(customer.get())) {
                all.setAll(list);
            }
        });
    }

    public void log(NewInteraction n) {
        tasks.call(() -> interactions.add(n), i -> {
            confirmation.set(texts.apply("followups.activity.logged"));
            afterChange();
        });
    }

    public void schedule(NewFollowUp n) {
        Customer c = customer.get();
        tasks.call(() -> followUps.schedule(c.id(), n), f -> {
            confirmation.set(texts.apply("followups.activity.scheduled"));
            afterChange();
        });
    }

    /** The same follow-up for each of several customers (a selection on the customer list). */
    public void scheduleFor(java.util.Collection<Long> customerIds, NewFollowUp n) {
        List<Long> ids = List.copyOf(customerIds);
        tasks.call(() -> followUps.schedule(ids, n), f -> afterChange());
    }

    /** Opens an interaction for editing: {@code loaded} gets it as stored. */
    public void loadInteraction(long id, Consumer<com.fankeep.core.interaction.Interaction> loaded) {
        tasks.call(() -> interactions.find(id).orElseThrow(), loaded);
    }

    public void editInteraction(long id, NewInteraction n) {
        tasks.call(() -> interactions.edit(id, n), change -> {
            lastChange.set(change);
            afterChange();
        });
    }

    public void deleteInteraction(long id) {
        tasks.call(() -> interactions.delete(id), change -> {
            lastChange.set(change);
            afterChange();
        });
    }

    public void undo() {
        InteractionChange change = lastChange.get();
        if (change != null) {
            tasks.call(() -> interactions.undo(change.undoId()), i -> {
                lastChange.set(null);
                afterChange();
            });
        }
    }

    /** Fills a template in for the shown customer; {@code done} gets the text (with the missing placeholders). */
    public void render(long templateId, Consumer<Rendered> done) {
        Customer c = customer.get();
        tasks.call(() -> templates.render(templateId, c.id(), null), done);
    }

    private void afterChange() {
        refresh();
        changed.run();
    }

    private void applyFilter() {
        String f = filter.get();
        List<TimelineEntry> list = all.stream().filter(e -> f == null || ALL.equals(f)
                || (FOLLOW_UPS.equals(f) ? e.kind().equals(TimelineEntry.FOLLOW_UP)
                : e.kind().equals(TimelineEntry.INTERACTION) && e.detail().equals(f))).toList();
        shown.setAll(list);
    }
}
