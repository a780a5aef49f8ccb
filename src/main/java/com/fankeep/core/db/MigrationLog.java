package com.fankeep.core.db;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's log through SLF4J, as Flyway's own would write it, except its errors while the owner's cancel stops a
 * migration: Flyway then reports "Migration … failed! Please restore backups …", which frightens and is untrue here (the
 * copy being migrated is deleted, the old file was never written; {@link Database#open} says so in one line). Those go to
 * debug. Named in the migrating Flyway's configuration ({@code loggers}); Flyway makes it by its public constructor.
 */
public final class MigrationLog implements LogCreator {

    @Override
    public Log createLogger(Class<?> clazz) {
        return new Slf4j(LoggerFactory.getLogger(clazz));
    }

    private record Slf4j(Logger log) implements Log {

        @Override
        public void debug(String message) {
            log.debug(message);
        }

        @Override
        public void info(String message) {
            log.info(message);
        }

        @Override
        public void warn(String message) {
            log.warn(message);
        }

        @Override
        public void error(String message) {
            if (cancelled()) {
                log.debug(message);
            } else {
                log.error(message);
            }
        }

        @Override
        public void error(String message, Exception e) {
            if (cancelled()) {
                log.debug(message, e);
            } else {
                log.error(message, e);
            }
        }

        @Override
        public void notice(String message) {
            // as Flyway's own SLF4J log: notices (its edition's advertising) are not written
        }

        /** The migration on this thread stops because the owner cancelled the update. */
        private static boolean cancelled() {
            return MigrationProgress.current().cancelled();
        }
    }
}
