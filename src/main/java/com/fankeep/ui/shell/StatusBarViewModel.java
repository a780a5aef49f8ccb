package com.fankeep.ui.shell;

import com.fankeep.core.insight.Stats;
import com.fankeep.core.insight.StatsService;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The status bar: the data folder and the headline counts, loaded in the background. */
public final class StatusBarViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(StatusBarViewModel.class);

    private final StatsService statsService;
    private final UiTasks tasks;
    private final Path dataFolder;
    private final ReadOnlyObjectWrapper<Stats> stats = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();

    public StatusBarViewModel(StatsService statsService, UiTasks tasks, Path dataFolder) {
        this.statsService = statsService;
        this.tasks = tasks;
        this.dataFolder = dataFolder;
    }

    public Path dataFolder() {
        return dataFolder;
    }

    /** The last counts, or null while they are loading. */
    public ReadOnlyObjectProperty<Stats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Loads the counts again (at start and after every long job, which may have changed them). */
    public void refresh() {
        stats.set(null);
        failed.set(false);
        tasks.call(statsService::stats, stats::set, e -> {
            // The counts are a convenience: a failure shows a dash, not a dialog in the owner's way.
            LOG.warn("could not load the headline counts", e);
            failed.set(true);
        });
    }
}
