package com.fankeep.core.db;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where FanKeep keeps its data: --data-dir, else FANKEEP_HOME, else the OS-conventional user data folder. */
public final class DataFolder {

    public static final String ENV_VAR = "FANKEEP_HOME";

    private DataFolder() {
    }

    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static Path resolve(Path explicit, Map<String, String> env, String osName, String userHome) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        return osDefault(env, osName, userHome);
    }

    static Path osDefault(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("FanKeep");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "FanKeep");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("fankeep");
    }
}
