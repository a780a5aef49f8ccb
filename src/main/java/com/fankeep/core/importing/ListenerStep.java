package com.fankeep.core.importing;

import java.util.Set;

/**
 * An import listener as the import runs it (ADR 0057): its name, and the names of the listeners it must run after
 * (one that writes what it reads, or the same rows). Listeners not named in each other's {@code after} may run side by
 * side on two threads; so may the duplicates scan the import ends with, after the ones it names.
 */
record ListenerStep(String name, ImportListener listener, Set<String> after) {

    ListenerStep {
        after = Set.copyOf(after);
    }

    /** The listener's class as the step clock names it ("after commit: TierImportListener"). */
    String clockName() {
        return listener.getClass().getName().replaceAll(".*\\.", "");
    }
}
