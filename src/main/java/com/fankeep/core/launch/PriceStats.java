package com.fankeep.core.launch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The distribution of guessed prices: count, min, quartiles (linear interpolation between closest ranks, as in
 * spreadsheets' QUARTILE.INC), max and a histogram of {@link #BINS} equal bins from min to max.
 */
public record PriceStats(int count, BigDecimal min, BigDecimal q1, BigDecimal median, BigDecimal q3, BigDecimal max,
                         List<Bin> histogram) {

    public static final int BINS = 8;

    /** [from, to) — the last bin includes its upper end. */
    public record Bin(BigDecimal from, BigDecimal to, int count) {
    }

    public static PriceStats of(List<BigDecimal> guesses) {
        List<BigDecimal> s = new ArrayList<>(guesses);
        s.sort(null);
        if (s.isEmpty()) {
            return new PriceStats(0, null, null, null, null, null, List.of());
        }
        BigDecimal min = s.getFirst();
        BigDecimal max = s.getLast();
        return new PriceStats(s.size(), min, quantile(s, 1, 4), quantile(s, 1, 2), quantile(s, 3, 4), max, histogram(s, min, max));
    }

    static BigDecimal quantile(List<BigDecimal> sorted, int num, int den) {
        BigDecimal pos = BigDecimal.valueOf((long) (sorted.size() - 1) * num).divide(BigDecimal.valueOf(den), 10, RoundingMode.HALF_UP);
        int lo = pos.intValue();
        BigDecimal frac = pos.subtract(BigDecimal.valueOf(lo));
        BigDecimal a = sorted.get(lo);
        BigDecimal b = sorted.get(Math.min(lo + 1, sorted.size() - 1));
        return a.add(b.subtract(a).multiply(frac)).setScale(2, RoundingMode.HALF_UP);
    }

    private static List<Bin> histogram(List<BigDecimal> sorted, BigDecimal min, BigDecimal max) {
        BigDecimal width = max.subtract(min).divide(BigDecimal.valueOf(BINS), 4, RoundingMode.HALF_UP);
        int[] counts = new int[BINS];
        for (BigDecimal v : sorted) {
            int i = width.signum() == 0 ? 0 : v.subtract(min).divide(width, 0, RoundingMode.FLOOR).intValue();
            counts[Math.min(i, BINS - 1)]++;
        }
        List<Bin> out = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            BigDecimal from = min.add(width.multiply(BigDecimal.valueOf(i))).setScale(2, RoundingMode.HALF_UP);
            BigDecimal to = i == BINS - 1 ? max : min.add(width.multiply(BigDecimal.valueOf(i + 1L))).setScale(2, RoundingMode.HALF_UP);
            out.add(new Bin(from, to, counts[i]));
            if (width.signum() == 0) {
                break;
            }
        }
        return List.copyOf(out);
    }
}
