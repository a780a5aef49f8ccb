package com.fankeep.archfixture.ui;

import org.jooq.DSLContext;

/** Planted violation: ui must not run SQL. */
public class BadUiUsesJooq {
    DSLContext dsl;
}
