package com.fankeep.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 740);
    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1050);

    @Test
    void theFirstStartOnALaptopScreenIsMaximizedAndOnAWideOneFitsAndCentres() {
        assertThat(WindowPlacement.firstStart(LAPTOP)).isEqualTo(new WindowPlacement(0, 0, 1366, 740, true));
        WindowPlacement wide = WindowPlacement.firstStart(FULL_HD);
        assertThat(wide.maximized()).isFalse();
        assertThat(wide.width()).isEqualTo(1440);
        assertThat(wide.x()).isEqualTo((1920 - 1440) / 2.0);
        assertThat(wide.y() + wide.height()).isLessThanOrEqualTo(1050);
    }

    @Test
    void aSavedPlacementComesBackAsItWasWhileItsTitleBarIsOnAScreen() {
        String saved = new WindowPlacement(100, 50, 1200, 800, false).format();
        assertThat(WindowPlacement.restore(saved, List.of(FULL_HD))).contains(new WindowPlacement(100, 50, 1200, 800, false));
        assertThat(WindowPlacement.restore(new WindowPlacement(0, 0, 1366, 740, true).format(), List.of(LAPTOP)))
                .contains(new WindowPlacement(0, 0, 1366, 740, true));
    }

    @Test
    void aPlacementOffEveryScreenOrTooBigIsFittedOrForgotten() {
        // the second monitor it was on is gone: fall back to the first start
        assertThat(WindowPlacement.restore(new WindowPlacement(2500, 100, 1200, 800, false).format(), List.of(FULL_HD))).isEmpty();
        // saved on the big screen, now on the laptop: shrunk to fit, still on screen
        WindowPlacement shrunk = WindowPlacement.restore(new WindowPlacement(300, 100, 1600, 1000, false).format(), List.of(LAPTOP))
                .orElseThrow();
        assertThat(shrunk.width()).isEqualTo(1366);
        assertThat(shrunk.height()).isEqualTo(740);
        assertThat(shrunk.x()).isZero();
        assertThat(WindowPlacement.restore("garbage", List.of(LAPTOP))).isEmpty();
        assertThat(WindowPlacement.restore(null, List.of(LAPTOP))).isEmpty();
    }
}
