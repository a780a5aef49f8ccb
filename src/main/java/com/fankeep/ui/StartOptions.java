package com.fankeep.ui;

import com.fankeep.core.db.Database;
import com.fankeep.core.db.UpgradeProgress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * What {@link FanKeepApp} needs from outside: the data folder option, the system locale, how to open the database,
 * how to end the app with an exit code, and who waits for the shutdown. Tests pass their own.
 *
 * @param dataDirOption --data-dir, or null for the default data folder
 * @param openDatabase  opens a plain data folder, reporting an update of older data (the update window)
 * @param exit          ends the app with this exit code (after a startup failure)
 * @param onShutdown    receives the shutdown in progress (jobs cancelled, database closed) when the app stops
 * @param services      what the app runs on, given the services of the opened database (tests: a slowed service)
 */
record StartOptions(Path dataDirOption, Locale systemLocale, Opener openDatabase, IntConsumer exit,
                    Consumer<CompletionStage<Void>> onShutdown, java.util.function.UnaryOperator<AppServices> services) {

    StartOptions(Path dataDirOption, Locale systemLocale, Opener openDatabase, IntConsumer exit,
                 Consumer<CompletionStage<Void>> onShutdown) {
        this(dataDirOption, systemLocale, openDatabase, exit, onShutdown, java.util.function.UnaryOperator.identity());
    }

    /** Opens a plain data folder; an update of older data reports to {@code progress} and stops when it is cancelled. */
    @FunctionalInterface
    interface Opener {
        Database open(Path dataDir, UpgradeProgress progress);

        /** An opener that updates without reporting (tests of other things). */
        static Opener of(Function<Path, Database> open) {
            return (dir, progress) -> open.apply(dir);
        }
    }
}
