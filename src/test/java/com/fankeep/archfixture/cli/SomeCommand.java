package com.fankeep.archfixture.cli;

/** A command of the fixture. */
public class SomeCommand {
}
