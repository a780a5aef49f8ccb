package com.fankeep.archfixture.core;

import javafx.scene.control.Label;

/** Planted violation: core must not use JavaFX. */
public class BadCoreUsesJavaFx {
    Label label;
}
