package com.fankeep.archfixture.ui;

import com.fankeep.archfixture.cli.SomeCommand;

/** Planted violation: ui must not call the CLI. */
public class BadUiUsesCli {
    SomeCommand command = new SomeCommand();
}
