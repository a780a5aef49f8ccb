package com.fankeep.ui.launches;

import javafx.scene.chart.NumberAxis;

/** A chart axis of whole counts (fans, units): ticks at 0, 1, 2 … never 0.5, and a few of them however high it goes. */
final class CountAxis {

    private CountAxis() {
    }

    static NumberAxis make() {
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        y.setAutoRanging(false); // auto-ranging picks 0.25 or 0.5 steps for small counts
        y.setLowerBound(0);
        fit(y, 1);
        return y;
    }

    /** Room for {@code top} and one more, in whole steps. */
    static void fit(NumberAxis y, long top) {
        long upper = Math.max(1, top) + 1;
        y.setUpperBound(upper);
        y.setTickUnit(Math.max(1, upper / 8));
    }
}
