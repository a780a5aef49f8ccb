package com.fankeep.ui.today;

import com.fankeep.core.followup.Agenda;
import com.fankeep.core.followup.FollowUp;
import com.fankeep.core.followup.FollowUpRules;
import com.fankeep.core.followup.FollowUpService;
import com.fankeep.core.insight.StatsService;
import com.fankeep.core.interaction.NewInteraction;
import com.fankeep.core.template.Rendered;
import com.fankeep.core.template.TemplateService;
import com.fankeep.ui.common.UiTasks;
import com.fankeep.ui.interaction.CustomerActivityViewModel;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Today: overdue, due today and the next 7 days; the calendar of the coming weeks; done / snooze / reschedule /
 * cancel; the chosen customer's activity beside it.
 */
public final class TodayViewModel {

    /** How many weeks the calendar shows. */
    public static final int CALENDAR_WEEKS = 4;

    private record Snapshot(Agenda agenda, List<FollowUp> calendar, boolean anyData, List<NextStep> nextSteps) {
    }

    private final FollowUpService followUps;
    private final FollowUpRules rules;
    private final TemplateService templates;
    private final StatsService stats;
    private final UiTasks tasks;
    private final CustomerActivityViewModel activity;
    private final ObservableList<FollowUp> overdue = FXCollections.observableArrayList();
    private final ObservableList<FollowUp> dueToday = FXCollections.observableArrayList();
    private final ObservableList<FollowUp> upcoming = FXCollections.observableArrayList();
    private final ObservableList<FollowUp> calendar = FXCollections.observableArrayList();
    private final ObservableList<NextStep> nextSteps = FXCollections.observableArrayList();
    private java.util.concurrent.Callable<List<NextStep>> readNextSteps = List::of;
    private final ReadOnlyBooleanWrapper hasCustomers = new ReadOnlyBooleanWrapper(false);
    /** False until the first refresh answered: the page says it is loading, never "nothing here yet" on a guess. */
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final List<Runnable> afterFirstLoad = new java.util.ArrayList<>();
    private final ReadOnlyObjectWrapper<LocalDate> today = new ReadOnlyObjectWrapper<>();
    private Consumer<Long> openCustomer;

    public TodayViewModel(FollowUpService followUps, FollowUpRules rules, TemplateService templates, StatsService stats,
                          CustomerActivityViewModel activity, UiTasks tasks) {
        this.followUps = followUps;
        this.rules = rules;
        this.templates = templates;
        this.stats = stats;
        this.activity = activity;
        this.tasks = tasks;
        this.today.set(followUps.today());
        this.openCustomer = id -> activity.show(id, nameOf(id));
        activity.onChanged(this::refresh);
    }

    /**
     * What "open customer" does. Until the customer profile exists it shows the customer's activity beside the list;
     * the lead wires it to the profile.
     */
    public void setOpenCustomer(Consumer<Long> action) {
        this.openCustomer = action;
    }

    /** Where the next steps come from when nothing is due (see {@link NextStep#read}); none until set. */
    public void setNextSteps(java.util.concurrent.Callable<List<NextStep>> read) {
        this.readNextSteps = read;
    }

    /** What to do next when nothing is due: lapsed customers to win back, duplicates to review, a first import. */
    public ObservableList<NextStep> nextSteps() {
        return nextSteps;
    }

    /** True when nothing is overdue, due today or in the next 7 days. */
    public boolean nothingDue() {
        return overdue.isEmpty() && dueToday.isEmpty() && upcoming.isEmpty();
    }

    public CustomerActivityViewModel activity() {
        return activity;
    }

    public ObservableList<FollowUp> overdue() {
        return overdue;
    }

    public ObservableList<FollowUp> dueToday() {
        return dueToday;
    }

    public ObservableList<FollowUp> upcoming() {
        return upcoming;
    }

    public ObservableList<FollowUp> calendar() {
        return calendar;
    }

    public ReadOnlyBooleanProperty hasCustomersProperty() {
        return hasCustomers.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Runs {@code r} on the FX thread once the first refresh has answered (at once if it has). */
    public void whenLoaded(Runnable r) {
        if (loaded.get()) {
            r.run();
        } else {
            afterFirstLoad.add(r);
        }
    }

    public ReadOnlyObjectProperty<LocalDate> todayProperty() {
        return today.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return followUps.zone();
    }

    public void refresh() {
        tasks.call(() -> {
            LocalDate day = followUps.today();
            Agenda agenda = followUps.agenda(day);
            boolean nothingDue = agenda.overdue().isEmpty() && agenda.dueToday().isEmpty() && agenda.upcoming().isEmpty();
            return new Snapshot(agenda, followUps.between(day, day.plusWeeks(CALENDAR_WEEKS)),
                    !stats.empty(), nothingDue ? readNextSteps.call() : List.of());
        }, s -> {
            nextSteps.setAll(s.nextSteps());
            today.set(s.agenda().today());
            overdue.setAll(s.agenda().overdue());
            dueToday.setAll(s.agenda().dueToday());
            upcoming.setAll(s.agenda().upcoming());
            calendar.setAll(s.calendar());
            hasCustomers.set(s.anyData());
            if (!loaded.get()) {
                loaded.set(true);
                List<Runnable> waiting = List.copyOf(afterFirstLoad);
                afterFirstLoad.clear();
                waiting.forEach(Runnable::run);
            }
        });
    }

    /**
     * On start, after the first page: the rules catch up, then {@code dueCount} gets how many follow-ups are due or
     * overdue. The page itself does not wait for the rules (thousands of customers' birthdays and parcels).
     */
    public void startUp(IntConsumer dueCount) {
        tasks.behind(() -> {
            rules.run();
            return followUps.agenda().dueOrOverdue();
        }, n -> {
            refresh();
            dueCount.accept(n);
        });
    }

    public void select(FollowUp f) {
        activity.show(f.customerId(), f.customerName());
    }

    public void openCustomer(FollowUp f) {
        activity.show(f.customerId(), f.customerName());
        openCustomer.accept(f.customerId());
    }

    public void done(FollowUp f, NewInteraction interaction) {
        tasks.call(() -> followUps.done(f.id(), interaction), r -> {
            refresh();
            activity.show(f.customerId(), f.customerName());
        });
    }

    public void snooze(FollowUp f, LocalDate until) {
        tasks.call(() -> followUps.snooze(f.id(), until), x -> refresh());
    }

    public void reschedule(FollowUp f, LocalDate due) {
        tasks.call(() -> followUps.reschedule(f.id(), due, f.dueTime()), x -> refresh());
    }

    public void cancel(FollowUp f) {
        tasks.call(() -> followUps.cancel(f.id()), x -> refresh());
    }

    public void render(FollowUp f, Consumer<Rendered> done) {
        tasks.call(() -> templates.render(f.templateId(), f.customerId(), f.orderId()), done);
    }

    public void exportIcs(Path file, IntConsumer written) {
        tasks.call(() -> followUps.exportIcs(file, null), written::accept);
    }

    /** Snooze choices: tomorrow, in 3 days, next Monday. */
    public LocalDate snoozeDate(String choice) {
        LocalDate day = today.get();
        return switch (choice) {
            case "1d" -> day.plusDays(1);
            case "3d" -> day.plusDays(3);
            case "week" -> day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            default -> throw new IllegalArgumentException(choice);
        };
    }

    private String nameOf(long id) {
        return java.util.stream.Stream.of(overdue, dueToday, upcoming, calendar).flatMap(List::stream)
                .filter(f -> f.customerId() == id).map(FollowUp::customerName).findFirst().orElse("#" + id);
    }
}
