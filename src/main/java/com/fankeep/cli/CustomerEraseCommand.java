package com.fankeep.cli;

import com.fankeep.core.privacy.ErasureReason;
import com.fankeep.core.privacy.ErasureResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code customer erase}: registered under {@link CustomerCommand}. */
final class CustomerEraseCommand {

    private CustomerEraseCommand() {
    }

    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = {"Erase a customer on request (PIPL Art. 47 / GDPR Art. 17): personal data and contact channels "
                    + "removed, orders kept without names, phones or addresses. Cannot be undone."})
    static final class Erase implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "customer id")
        long id;

        @Option(names = "--reason", defaultValue = "REQUEST", description = "request, retention or other (default: request)")
        String reason;

        private final CliContext context;

        Erase(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ErasureReason why = ErasureReason.valueOf(reason.trim().toUpperCase(java.util.Locale.ROOT));
            ErasureResult r;
            try {
                r = context.services(RootOptions.dataDir(spec)).erasure().erase(id, why);
            } catch (IllegalArgumentException e) {
                context.err().println(context.messages().get("cli.erase.unknown", id));
                return 1;
            }
            if (r.alreadyErased()) {
                context.out().println(context.messages().get("cli.erase.already", id));
                return 0;
            }
            context.out().println(context.messages().get("cli.erase.done", id, r.customerIds().size(), r.ordersAnonymized(),
                    r.rowsRemoved()));
            context.out().println(context.messages().get("purge.hint"));
            return 0;
        }
    }
}
