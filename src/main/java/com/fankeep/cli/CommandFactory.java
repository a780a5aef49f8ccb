package com.fankeep.cli;

import picocli.CommandLine;

/** Gives every command the shared {@link CliContext} (no static state). */
final class CommandFactory implements CommandLine.IFactory {

    private final CliContext context;

    CommandFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            return cls.cast(cls.getDeclaredConstructor(CliContext.class).newInstance(context));
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
