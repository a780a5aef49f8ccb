package com.fankeep.core.shared;

/** The version from the jar manifest (or "dev" when run from classes). */
public final class AppVersion {

    private AppVersion() {
    }

    public static String current() {
        String v = AppVersion.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
