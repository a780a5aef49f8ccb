package com.fankeep.ui;

import java.nio.file.Path;

/** Starts the JavaFX desktop app (replaced by the real shell). */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static boolean isRunning() {
        return false;
    }

    public static void launch(Path dataDirOption) {
        throw new UnsupportedOperationException("desktop app not built yet");
    }
}
