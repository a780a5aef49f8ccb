package com.fankeep.core.interaction;

import java.util.Locale;

/** What kind of contact it was; stored in interaction.kind. MESSAGE: a text sent from a template; FEEDBACK: what a fan said about a sample or product (a launch's trial). */
public enum InteractionKind {
    CALL, CHAT, MEETING, GIFT, COMPLAINT, SUGGESTION, STORY, NOTE, MESSAGE, FEEDBACK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InteractionKind fromCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown interaction kind '" + code + "'; known: " + codes());
        }
    }

    public static java.util.List<String> codes() {
        return java.util.Arrays.stream(values()).map(InteractionKind::code).toList();
    }
}
