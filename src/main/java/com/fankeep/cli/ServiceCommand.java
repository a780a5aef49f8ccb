package com.fankeep.cli;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.customer.InvalidValueException;
import com.fankeep.core.segment.SegmentRuleException;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.RefusedException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
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

    /** One value as JSON on one line (what {@code --json} prints). */
    void json(Object value) {
        context.out().println(Json.write(value));
    }

    /** With {@code --json} the rows as JSON, otherwise each row as its line: how every list is printed. */
    <T> int rowsOrJson(boolean asJson, List<T> rows, Function<? super T, String> line) {
        return rowsOrJson(asJson, rows, rows, line);
    }

    /** As above, with {@code json} printed instead of the rows themselves (a map of their fields, a whole report). */
    <T> int rowsOrJson(boolean asJson, Object json, List<T> rows, Function<? super T, String> line) {
        if (asJson) {
            json(json);
        } else {
            rows.forEach(r -> context.out().println(line.apply(r)));
        }
        return Cli.OK;
    }
}
