package com.fankeep.archfixture.core;

import picocli.CommandLine;

/** Planted violation: core must not use picocli. */
public class BadCoreUsesPicocli {
    CommandLine commandLine;
}
