package com.fankeep.core.launch;

import java.util.List;

/** A saved phase and the warning keys the owner should read (e.g. launch.warn.vipBelowCost). */
public record PhaseSaved(Launch launch, List<String> warnings) {
}
