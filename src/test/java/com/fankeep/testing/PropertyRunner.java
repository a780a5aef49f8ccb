package com.fankeep.testing;

import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Property and fuzz tests as plain JUnit tests: {@code tries} cases drawn from a seeded {@link RandomGenerator}.
 * Try {@code i} of a run with seed {@code S} draws from {@code new SplittableRandom(S + i)}, so a failure is repeated
 * with the whole run ({@code -Dfankeep.seed=S}) or with that try alone ({@code -Dfankeep.seed=S+i -Dfankeep.tries=1}).
 * The seed is printed when the run starts and in the failure; {@code -Dfankeep.tries=N} changes the number of tries.
 */
public final class PropertyRunner {

    public static final String SEED = "fankeep.seed";
    public static final String TRIES = "fankeep.tries";

    /** A property's check of one case; may throw anything (an exception is a failure like an assertion). */
    @FunctionalInterface
    public interface Check<T> {
        void accept(T value) throws Throwable;
    }

    private PropertyRunner() {
    }

    /** Runs the property {@code tries} times (or {@code -Dfankeep.tries}); returns the number of tries run. */
    public static <T> int check(String name, int defaultTries, Function<RandomGenerator, T> cases, Check<T> property) {
        long seed = seed();
        int tries = Integer.getInteger(TRIES, defaultTries);
        System.out.printf("[%s] seed %d, %d tries (-D%s=%d repeats this run)%n", name, seed, tries, SEED, seed);
        for (int i = 0; i < tries; i++) {
            T value = null;
            try {
                value = cases.apply(new SplittableRandom(seed + i));
                property.accept(value);
            } catch (Throwable failure) {
                throw new AssertionError(String.format(
                        "%s failed at try %d of %d%n  case: %s%n  seed of the run: %d (-D%s=%d)%n  this try alone: -D%s=%d -D%s=1%n  %s",
                        name, i + 1, tries, value, seed, SEED, seed, SEED, seed + i, TRIES, failure), failure);
            }
        }
        return tries;
    }

    static long seed() {
        Long given = Long.getLong(SEED);
        return given != null ? given : ThreadLocalRandom.current().nextLong(Long.MAX_VALUE / 2);
    }

    /** A string of {@code 0..maxLength} letters A–Z, a–z (jqwik's {@code @AlphaChars}), empty now and then. */
    public static String letters(RandomGenerator r, int maxLength) {
        int length = r.nextInt(8) == 0 ? 0 : r.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int c = r.nextInt(52);
            sb.append((char) (c < 26 ? 'A' + c : 'a' + c - 26));
        }
        return sb.toString();
    }
}
