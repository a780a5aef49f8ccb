package com.fankeep.core.launch;

import java.util.List;

/** A launch's report: one row per phase, and the committed allocation's policy and seed (null before). */
public record LaunchReport(Launch launch, List<PhaseReport> phases, String allocationPolicy, Long allocationSeed) {
}
