package com.fankeep.cli;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.backup.UpgradeBackup;
import com.fankeep.core.bench.StartupTimes;
import com.fankeep.core.db.DataFolder;
import com.fankeep.core.crypto.EncryptionService;
import com.fankeep.core.db.Database;
import com.fankeep.core.db.DatabaseKey;
import com.fankeep.core.db.WrongPasswordException;
import com.fankeep.core.insight.Stats;
import com.fankeep.core.insight.StatsService;
import com.fankeep.core.shared.Logging;
import com.fankeep.core.shared.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import java.time.Duration;
import java.util.function.BiFunction;

/** What commands share: the output streams, the localized texts, the database (opened on first use) and the desktop launcher. */
final class CliContext implements AutoCloseable {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Messages messages;
    private final Consumer<Path> desktopLauncher;
    private final BiFunction<Path, Duration, StartupTimes> startupBench;
    private final Passwords passwords;
    private Database database;
    private CoreServices services;

    CliContext(PrintWriter out, PrintWriter err, Messages messages, Consumer<Path> desktopLauncher) {
        this(out, err, messages, desktopLauncher, (dir, hold) -> {
            throw new IllegalStateException("bench startup needs the desktop app");
        });
    }

    CliContext(PrintWriter out, PrintWriter err, Messages messages, Consumer<Path> desktopLauncher,
               BiFunction<Path, Duration, StartupTimes> startupBench) {
        this.startupBench = startupBench;
        this.out = out;
        this.err = err;
        this.messages = messages;
        this.desktopLauncher = desktopLauncher;
        this.passwords = new Passwords(System.getenv(), messages);
    }

    Passwords passwords() {
        return passwords;
    }

    /** The key of an encrypted folder from the password (file, environment or prompt), or null for a plain folder. */
    DatabaseKey key(Path dir) {
        if (!EncryptionService.encrypted(dir)) {
            return null;
        }
        char[] password = passwords.current();
        if (password == null) {
            throw new WrongPasswordException(dir, true);
        }
        return EncryptionService.unlock(dir, password);
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    Messages messages() {
        return messages;
    }

    Database database(Path dataDirOption) {
        if (database != null && database.readOnly()) {
            database.close(); // opened for `stats`; anything more opens it as usual
            database = null;
        }
        if (database == null) {
            Path dir = DataFolder.resolve(dataDirOption);
            Logging.toDataFolder(dir);
            DatabaseKey key = key(dir);
            // data of an older FanKeep: backed up before it is migrated, on the same open of the file, said on stderr
            CliUpgradeProgress progress = upgradeProgress();
            try {
                database = Database.open(dir, key, UpgradeBackup.before(dir, key, Clock.systemDefaultZone()), progress);
            } finally {
                progress.endLine();
            }
        }
        return database;
    }

    /**
     * The figures alone (`stats`): noted at the last clean close when the file is still as it left it (ADR 0047), else
     * the one service they need, over the file opened for reading when it is at this build's schema (else opened, backed
     * up and migrated as for any command). Wiring every service and opening for writing was most of a 1 s command (ADR 0038).
     */
    Stats stats(Path dataDirOption) {
        if (services != null) {
            return services.stats().stats();
        }
        if (database == null) {
            Path dir = DataFolder.resolve(dataDirOption);
            Logging.toDataFolder(dir);
            DatabaseKey key = key(dir);
            if (key == null) { // an encrypted shop's figures are never noted in clear text
                java.util.Optional<Stats> noted = StatsService.atLastClose(dir);
                if (noted.isPresent()) {
                    return noted.get(); // the file is exactly as the close that noted them left it (ADR 0047)
                }
            }
            CliUpgradeProgress progress = upgradeProgress();
            try {
                database = Database.openForReading(dir, key, UpgradeBackup.before(dir, key, Clock.systemDefaultZone()), progress);
            } finally {
                progress.endLine();
            }
        }
        return new StatsService(database).stats();
    }

    /** Tells stderr when an open updates older data; the steps too when stderr is a terminal (ADR 0048). */
    private CliUpgradeProgress upgradeProgress() {
        java.io.Console console = System.console();
        return new CliUpgradeProgress(err, messages, console != null && console.isTerminal());
    }

    /** The services over the data folder's database, wired the same way as in the desktop app. */
    CoreServices services(Path dataDirOption) {
        if (services == null) {
            services = CoreServices.over(database(dataDirOption));
        }
        return services;
    }

    void launchDesktop(Path dataDirOption) {
        Path dir = DataFolder.resolve(dataDirOption);
        Logging.toDataFolder(dir);
        desktopLauncher.accept(dir);
    }

    /** Starts the desktop app in this JVM over the data folder and times it (the folder's log gets its lines). */
    StartupTimes benchStartup(Path dataDirOption, Duration hold) {
        Path dir = DataFolder.resolve(dataDirOption);
        Logging.toDataFolder(dir);
        return startupBench.apply(dir, hold);
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
            database = null;
            services = null;
        }
    }
}
