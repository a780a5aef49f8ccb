package com.fankeep.ui.dashboard;

import com.fankeep.core.insight.DashboardService;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.RefusedException;
import com.fankeep.ui.common.UiTasks;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/** Settings → Dashboard: the active window (days) the dashboard's active and lapsed figures use; read and saved off the FX thread. */
public final class ActiveDaysViewModel {

    private final DashboardService dashboard;
    private final UiTasks tasks;
    private final Supplier<Messages> messages;
    private final IntegerProperty days = new SimpleIntegerProperty(DashboardService.DEFAULT_ACTIVE_DAYS);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public ActiveDaysViewModel(DashboardService dashboard, UiTasks tasks, Supplier<Messages> messages) {
        this.dashboard = dashboard;
        this.tasks = tasks;
        this.messages = messages;
    }

    public void load() {
        tasks.call(dashboard::activeDays, days::set, e -> status.set(e.getMessage()));
    }

    public void save(int value) {
        tasks.call(() -> {
            dashboard.setActiveDays(value);
            return dashboard.activeDays();
        }, saved -> {
            days.set(saved);
            status.set(messages.get().get("dashboard.settings.saved", Integer.toString(saved)));
        }, e -> status.set(e instanceof RefusedException r ? r.localized(messages.get()) : e.getMessage()));
    }

    public IntegerProperty days() {
        return days;
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }
}
