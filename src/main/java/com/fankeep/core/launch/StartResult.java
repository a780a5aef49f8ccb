package com.fankeep.core.launch;

/** A started phase: how many fans its follow-ups went to. */
public record StartResult(PhaseKind kind, int reached, int followUps) {
}
