package com.fankeep.core.launch;

import java.util.List;

/**
 * A launch's report: one row per phase, the committed allocation's policy and seed (null before), and the trial
 * campaign (null: none) with what its fans said back.
 */
public record LaunchReport(Launch launch, List<PhaseReport> phases, String allocationPolicy, Long allocationSeed,
                           Long trialCampaignId, List<TrialFeedback> feedback) {

    public LaunchReport {
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
    }
}
