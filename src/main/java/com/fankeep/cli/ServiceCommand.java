package com.fankeep.cli;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.customer.InvalidValueException;
import com.fankeep.core.segment.SegmentRuleException;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.RefusedException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What a subcommand working on the shop's data shares: the services of the chosen data folder, and a refused request
 * printed as one message for the owner (exit 1; a rule that does not parse is a usage error, exit 2).
 */
abstract class ServiceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    final CliContext context;

    ServiceCommand(CliContext context) {
        this.context = context;
    }

    CoreServices services() {
        return context.services(RootOptions.dataDir(spec));
    }

    Messages messages() {
        return context.messages();
    }

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (RefusedException e) {
            context.err().println(e.localized(context.messages()));
            return Cli.FAILURE;
        } catch (SegmentRuleException e) {
            context.err().println(e.localized(context.messages()));
            return e.column() > 0 ? Cli.USAGE : Cli.FAILURE;
        } catch (InvalidValueException e) {
            context.err().println(context.messages().get("customers.invalid." + e.field()));
            return Cli.FAILURE;
        }
    }

    abstract int run();
}
