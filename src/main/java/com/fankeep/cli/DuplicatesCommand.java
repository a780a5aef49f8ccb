package com.fankeep.cli;

import com.fankeep.core.merge.CustomerCard;
import com.fankeep.core.merge.DuplicateSuggestion;
import com.fankeep.core.merge.Evidence;
import com.fankeep.core.merge.ScanResult;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "duplicates", mixinStandardHelpOptions = true,
        description = "Customers who may be one person: list them with the evidence, scan for more, dismiss a pair.",
        subcommands = {DuplicatesCommand.ListPairs.class, DuplicatesCommand.Scan.class, DuplicatesCommand.Dismiss.class})
final class DuplicatesCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Suggested duplicates still to review, strongest first, with how strong and the evidence.")
    static final class ListPairs implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--limit", description = "at most this many pairs (default ${DEFAULT-VALUE})")
        int limit = 200;

        @Mixin
        JsonOption json;

        private final CliContext context;

        ListPairs(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<DuplicateSuggestion> pairs = context.services(RootOptions.dataDir(spec)).merges().suggestions(limit);
            if (json.on) {
                context.out().println(Json.write(pairs));
                return 0;
            }
            for (DuplicateSuggestion s : pairs) {
                context.out().println(context.messages().get("cli.duplicates.pair", card(s.a()), card(s.b())));
                context.out().println("    " + s.explain(context.messages()));
                for (Evidence e : s.evidence()) {
                    context.out().println("    " + context.messages().get("duplicates.reason." + e.reason()) + ": " + e.detail());
                }
            }
            if (pairs.isEmpty()) {
                context.out().println(context.messages().get("cli.duplicates.none"));
            }
            return 0;
        }

        private String card(CustomerCard c) {
            return context.messages().get("cli.duplicates.card", c.id(), c.name() == null ? "-" : c.name(), c.orderCount());
        }
    }

    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = {"Looks through all customers for ones sharing a phone or e-mail, a name and address, street, city or landline,",
                    "or a username or nickname; adds them to the list (dismissed pairs stay out). Each import already scans the",
                    "customers it added or changed."})
    static final class Scan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final CliContext context;

        Scan(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ScanResult r = context.services(RootOptions.dataDir(spec)).merges().scan(Progress.NONE, Cancellation.none());
            context.out().println(context.messages().get("cli.duplicates.scanned", r.pairsFound(), r.newSuggestions()));
            return 0;
        }
    }

    @Command(name = "dismiss", mixinStandardHelpOptions = true,
            description = "Not the same person: the pair leaves the list for good.")
    static final class Dismiss implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "one customer")
        long a;

        @Parameters(index = "1", paramLabel = "ID", description = "the other customer")
        long b;

        private final CliContext context;

        Dismiss(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.services(RootOptions.dataDir(spec)).merges().dismiss(a, b);
            context.out().println(context.messages().get("cli.duplicates.dismissed", a, b));
            return 0;
        }
    }
}
