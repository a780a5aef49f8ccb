package com.fankeep.core.shared;

/** Lets tests in other packages that run the CLI in-process give the launch's log file back afterwards. */
public final class LoggingForTests {

    private LoggingForTests() {
    }

    public static void reset() {
        Logging.closeForTests();
    }
}
