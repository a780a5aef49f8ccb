package com.fankeep.core.interaction;

/** An undoable edit or delete: pass {@code undoId} to {@link InteractionService#undo(long)}. */
public record InteractionChange(long undoId, Interaction before) {
}
