package com.fankeep.core.bench;

/**
 * What {@code bench startup} measured, in milliseconds from the JVM's start (RuntimeMXBean start time).
 *
 * @param firstFrameMs  the main window's first frame (first pulse after it was shown)
 * @param usableMs      the Customers page took a search and its list answered
 * @param usableCpuMs   CPU time the process had used by then (all threads; -1 where unknown)
 * @param searchIndexMs the search index (saved one or fresh build) was ready, -1 if not within the wait
 * @param searchHits    what the list showed for the search (hits; 0 in an empty folder)
 * @param aotCache      the AOT cache / CDS archive the JVM was started with, or null (also with -XX:AOTMode=off)
 * @param loadAverage   the system load average at the end (the machine may be shared: wall times alone say little)
 */
public record StartupTimes(long firstFrameMs, long usableMs, long usableCpuMs, long searchIndexMs, long searchHits, String aotCache,
                           double loadAverage) {
}
