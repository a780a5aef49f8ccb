package com.fankeep.core.followup;

import com.fankeep.core.interaction.Interaction;

/** A completed follow-up, the interaction it logged, and the next occurrence (null when it does not repeat). */
public record DoneResult(FollowUp done, Interaction interaction, FollowUp next) {
}
