package com.fankeep.core.bench;

/**
 * What {@code bench startup} measured, in milliseconds from the JVM's start (RuntimeMXBean start time).
 *
 * @param firstFrameMs  the main window's first frame (first pulse after it was shown)
 * @param usableMs      the Customers page took a search and its list answered
 * @param usableCpuMs   CPU time the process had used by then (all threads; -1 where unknown)
 * @param searchIndexMs the search index (saved one or fresh build) was ready, -1 if not within the wait
 * @param searchHits    what the list showed for the search (hits; 0 in an empty folder)
 * @param statusMs      the status bar showed the shop's counts, -1 if not within the wait
 * @param todayMs       Today had its first answer (agenda and "any data?"), -1 if not within the wait
 * @param dashboardMs   the dashboard (the first page) had its figures, -1 if not within the wait
 * @param closeMs       closing the window: search index saved, exit backup, database closed (and compacted if bloated)
 * @param aotCache      the AOT cache / CDS archive the JVM was started with, or null (also with -XX:AOTMode=off)
 * @param loadAverage   the system load average at the end (the machine may be shared: wall times alone say little)
 * @param updateFrameMs the update window's first frame when the start had to update older data (ADR 0048), else -1
 * @param updateDoneMs  the update (backup and migrations) done, else -1
 */
public record StartupTimes(long firstFrameMs, long usableMs, long usableCpuMs, long searchIndexMs, long searchHits,
                           long statusMs, long todayMs, long dashboardMs, long closeMs, String aotCache,
                           double loadAverage, long updateFrameMs, long updateDoneMs) {
}
