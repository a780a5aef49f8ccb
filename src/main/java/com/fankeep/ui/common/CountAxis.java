package com.fankeep.ui.common;

import java.text.NumberFormat;
import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * A chart axis of whole counts (fans, units, buyers): ticks at 0, 1, 2 … never 0.5 nor "0.0", a few of them however high
 * it goes, each a round step (1, 2, 5, 10, 20 …).
 */
public final class CountAxis {

    /** At most this many steps from 0 to the top. */
    private static final int STEPS = 8;

    private CountAxis() {
    }

    public static NumberAxis make() {
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        y.setAutoRanging(false); // auto-ranging picks 0.25 or 0.5 steps for small counts, and "0.0" for none
        y.setLowerBound(0);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return NumberFormat.getIntegerInstance().format(n.longValue());
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
        fit(y, 1);
        return y;
    }

    /** An axis fitted to {@code top} at once. */
    public static NumberAxis upTo(long top) {
        NumberAxis y = make();
        fit(y, top);
        return y;
    }

    /** Room for {@code top} and one more, in round whole steps. */
    public static void fit(NumberAxis y, long top) {
        long need = Math.max(1, top) + 1;
        long unit = step(need);
        y.setTickUnit(unit);
        y.setUpperBound((need + unit - 1) / unit * unit);
    }

    /** The smallest of 1, 2, 5, 10, 20, 50 … that reaches {@code need} in at most {@link #STEPS} steps. */
    static long step(long need) {
        for (long p = 1; ; p *= 10) {
            for (long f : new long[] {1, 2, 5}) {
                if (need <= STEPS * f * p) {
                    return f * p;
                }
            }
        }
    }
}
