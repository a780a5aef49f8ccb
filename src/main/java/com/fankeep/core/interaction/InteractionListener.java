package com.fankeep.core.interaction;

/** Told inside the transaction that logged an interaction, so dependent state (a "keep in touch" follow-up) changes with it. */
public interface InteractionListener {

    void logged(org.jooq.DSLContext tx, Interaction interaction);
}
