package com.fankeep.ui.tiers;

import java.time.Duration;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;

/** Runs the last work handed in once nothing new came for a moment (on the FX thread). */
public final class Debounce {

    private Debounce() {
    }

    public static Consumer<Runnable> fx(Duration quiet) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(quiet.toMillis()));
        return work -> {
            pause.setOnFinished(e -> work.run());
            pause.playFromStart();
        };
    }
}
