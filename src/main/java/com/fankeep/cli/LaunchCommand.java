package com.fankeep.cli;

import com.fankeep.core.launch.Allocation;
import com.fankeep.core.launch.AllocationPolicy;
import com.fankeep.core.launch.AllocationReasons;
import com.fankeep.core.launch.AllocationRun;
import com.fankeep.core.launch.CancelResult;
import com.fankeep.core.launch.Launch;
import com.fankeep.core.launch.LaunchReport;
import com.fankeep.core.launch.LaunchService;
import com.fankeep.core.launch.LaunchTimes;
import com.fankeep.core.launch.NewLaunch;
import com.fankeep.core.launch.PhaseKind;
import com.fankeep.core.launch.PhaseReport;
import com.fankeep.core.launch.PhaseSaved;
import com.fankeep.core.launch.PhaseSpec;
import com.fankeep.core.launch.Promotion;
import com.fankeep.core.launch.Reservation;
import com.fankeep.core.launch.StartResult;
import com.fankeep.core.launch.Vote;
import com.fankeep.core.launch.VoteResults;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "launch", mixinStandardHelpOptions = true,
        description = "Limited launches: phases, votes and price guesses, first-batch reservations, fair allocation, the report.",
        subcommands = {LaunchCommand.Create.class, LaunchCommand.Phase.class, LaunchCommand.Start.class, LaunchCommand.VoteCmd.class,
                LaunchCommand.Votes.class, LaunchCommand.Reserve.class, LaunchCommand.Allocate.class, LaunchCommand.Cancel.class,
                LaunchCommand.Expire.class, LaunchCommand.Orders.class, LaunchCommand.Assign.class, LaunchCommand.Report.class,
                LaunchCommand.ListCmd.class, LaunchCommand.Trial.class, LaunchCommand.Feedback.class})
final class LaunchCommand {

    abstract static class Base extends ServiceCommand {
        Base(CliContext context) {
            super(context);
        }

        LaunchService launches() {
            return services().launches();
        }
    }

    /** A subcommand about one launch: its id comes first. */
    abstract static class OnLaunch extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        OnLaunch(CliContext context) {
            super(context);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a launch; prints its id.")
    static final class Create extends Base {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--product", required = true, paramLabel = "TEXT")
        String product;
        @Option(names = "--sku", paramLabel = "PATTERN", description = "SKUs or title words matching its orders, comma-separated, * wildcard")
        String sku;
        @Option(names = "--currency", required = true, paramLabel = "C")
        String currency;
        @Option(names = "--quantity", paramLabel = "N")
        Integer quantity;
        @Option(names = "--cost", paramLabel = "X", description = "unit cost (a VIP price below it warns)")
        BigDecimal cost;
        @Option(names = "--expiry-hours", paramLabel = "N", description = "an allocation unpaid this long expires (default 48)")
        Integer expiry;
        @Mixin
        JsonOption asJson;

        Create(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            Launch l = launches().create(new NewLaunch(name, product, sku, currency, quantity, cost, expiry));
            if (asJson.on) {
                json(Map.of("id", l.id()));
            } else {
                context.out().println(messages().get("cli.launch.created", l.id(), l.name()));
            }
            return 0;
        }
    }

    @Command(name = "phase", mixinStandardHelpOptions = true, description = "Sets a phase (again: replaces it). A public price below the VIP price is refused.")
    static final class Phase extends OnLaunch {
        @Parameters(index = "1", paramLabel = "KIND", description = "warmup|trial|first_batch|pause|public|regular")
        String kind;
        @Option(names = "--from", required = true, paramLabel = "T")
        String from;
        @Option(names = "--to", required = true, paramLabel = "T")
        String to;
        @ArgGroup(exclusive = true)
        Audience audience;
        @Option(names = "--quota", paramLabel = "N")
        Integer quota;
        @Option(names = "--per-customer", paramLabel = "N")
        Integer perCustomer;
        @Option(names = "--price", paramLabel = "X")
        BigDecimal price;

        static final class Audience {
            @Option(names = "--audience", paramLabel = "SEGMENT", description = "a saved segment or a rule")
            String segment;
            @Option(names = "--group", paramLabel = "G")
            String group;
            @Option(names = "--tier", paramLabel = "T")
            String tier;

            static String kind(Audience a) {
                return a == null ? null : a.segment != null ? "segment" : a.group != null ? "group" : "tier";
            }

            static String value(Audience a) {
                return a == null ? null : a.segment != null ? a.segment : a.group != null ? a.group : a.tier;
            }
        }

        Phase(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            LaunchService s = launches();
            PhaseSaved saved = s.phase(id, new PhaseSpec(PhaseKind.of(kind), LaunchTimes.parse(from, s.zone(), false),
                    LaunchTimes.parse(to, s.zone(), true), Audience.kind(audience), Audience.value(audience), quota, perCustomer, price));
            for (String w : saved.warnings()) {
                context.err().println(messages().get(w));
            }
            context.out().println(messages().get("cli.launch.phaseSaved", PhaseKind.of(kind).code(), id));
            return 0;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Starts a phase: its follow-ups are made, one per fan.")
    static final class Start extends OnLaunch {
        @Parameters(index = "1", paramLabel = "KIND")
        String kind;

        Start(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            StartResult r = launches().start(id, PhaseKind.of(kind));
            context.out().println(messages().get("cli.launch.started", r.kind().code(), r.followUps()));
            return 0;
        }
    }

    @Command(name = "vote", mixinStandardHelpOptions = true, description = "Logs a fan's vote (a change keeps the history).")
    static final class VoteCmd extends OnLaunch {
        @Parameters(index = "1", paramLabel = "CUSTOMER")
        long customer;
        @Option(names = "--choice", required = true, paramLabel = "want|no|OTHER")
        String choice;
        @Option(names = "--price-guess", paramLabel = "X")
        BigDecimal guess;
        @Option(names = "--channel", paramLabel = "C")
        String channel;

        VoteCmd(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            Vote v = launches().vote(id, customer, choice, guess, channel);
            context.out().println(messages().get("cli.launch.voted", v.customerId(), v.choice()));
            return 0;
        }
    }

    @Command(name = "votes", mixinStandardHelpOptions = true, description = "The current votes, split by tier, and the guessed prices.")
    static final class Votes extends OnLaunch {
        @Mixin
        JsonOption asJson;

        Votes(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            VoteResults r = launches().votes(id);
            rowsOrJson(asJson.on, r, r.current(), v -> "#" + v.customerId() + "\t" + GroupCommand.nz(v.name()) + "\t" + GroupCommand.nz(v.tier())
                    + "\t" + v.choice() + "\t" + (v.priceGuess() == null ? "" : v.priceGuess().toPlainString()) + "\t" + GroupCommand.nz(v.channel()));
            if (asJson.on) {
                return 0;
            }
            context.out().println(r.byTier());
            var g = r.guesses();
            context.out().println(messages().get("cli.launch.guesses", g.count(), String.valueOf(g.q1()), String.valueOf(g.median()),
                    String.valueOf(g.q3()), String.valueOf(r.plannedPrice())));
            return 0;
        }
    }

    @Command(name = "reserve", mixinStandardHelpOptions = true, description = "Records a fan's first-batch request.")
    static final class Reserve extends OnLaunch {
        @Parameters(index = "1", paramLabel = "CUSTOMER")
        long customer;
        @Option(names = "--quantity", required = true, paramLabel = "N")
        int quantity;
        @Option(names = "--at", paramLabel = "T")
        String at;
        @Option(names = "--channel", paramLabel = "C")
        String channel;

        Reserve(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            LaunchService s = launches();
            Reservation r = s.reserve(id, customer, quantity, LaunchTimes.parse(at, s.zone(), false), channel);
            context.out().println(messages().get("cli.launch.reserved", r.customerId(), r.quantity(), r.state()));
            return 0;
        }
    }

    /** One fan's allocation as the CLI prints it. */
    record AllocationJson(long customerId, int requested, int allocated, Integer waitlistPosition, String reason) {
    }

    @Command(name = "allocate", mixinStandardHelpOptions = true, description = "Shares the first batch out (--dry-run: preview only).")
    static final class Allocate extends OnLaunch {
        @Option(names = "--policy", required = true, paramLabel = "tier-time|time|lottery")
        String policy;
        @Option(names = "--seed", paramLabel = "N", description = "lottery seed (recorded; the same seed gives the same result)")
        Long seed;
        @Option(names = "--tier-weighted", description = "lottery: higher tiers draw with more weight")
        boolean weighted;
        @Option(names = "--dry-run")
        boolean dryRun;
        @Mixin
        JsonOption asJson;

        Allocate(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            LaunchService s = launches();
            AllocationPolicy p = AllocationPolicy.of(policy);
            AllocationRun run = dryRun ? s.preview(id, p, seed, weighted) : s.commit(id, p, seed, weighted, messages());
            List<AllocationJson> out = run.results().stream().map(a -> new AllocationJson(a.customerId(), a.requested(), a.allocated(),
                    a.waitlistPosition(), AllocationReasons.text(messages(), a, s.zone(), s.today(), p))).toList();
            rowsOrJson(asJson.on, out, a -> "#" + a.customerId() + "\t" + GroupCommand.nz(run.names().get(a.customerId())) + "\t" + a.reason());
            if (asJson.on) {
                return 0;
            }
            context.out().println(messages().get(dryRun ? "cli.launch.previewed" : "cli.launch.allocated", run.allocatedTotal(),
                    run.rules().quota(), run.rules().seed()));
            return 0;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels a fan's request; the waiting list moves up in order.")
    static final class Cancel extends OnLaunch {
        @Parameters(index = "1", paramLabel = "CUSTOMER")
        long customer;

        Cancel(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            print(launches().cancel(id, customer));
            return 0;
        }

        private void print(CancelResult r) {
            context.out().println(messages().get("cli.launch.cancelled", r.customerId(), r.freed()));
            for (Promotion p : r.promotions()) {
                context.out().println(messages().get("cli.launch.promoted", p.customerId(), p.added()));
            }
        }
    }

    @Command(name = "expire", mixinStandardHelpOptions = true, description = "Allocations unpaid after the launch's expiry hours expire; the waiting list moves up.")
    static final class Expire extends OnLaunch {

        Expire(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            for (CancelResult r : launches().expireUnpaid(id)) {
                context.out().println(messages().get("cli.launch.expired", r.customerId(), r.freed(), r.promotions().size()));
            }
            return 0;
        }
    }

    @Command(name = "orders", mixinStandardHelpOptions = true, description = "Allocated → paid → delivered per fan, and the window's unmatched orders.")
    static final class Orders extends OnLaunch {
        @Mixin
        JsonOption asJson;

        Orders(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            var c = launches().conversion(id);
            rowsOrJson(asJson.on, c, c.fans(), f -> "#" + f.customerId() + "\t" + GroupCommand.nz(f.name()) + "\t" + f.state()
                    + "\t" + (f.orderId() == null ? "" : "order #" + f.orderId() + " " + f.paidAmount()));
            if (!asJson.on) {
                c.unmatched().forEach(o -> context.out().println("? order #" + o.id() + "\t" + GroupCommand.nz(o.buyer()) + "\t" + o.paidAmount()));
            }
            return 0;
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true, description = "Assigns an order in the window to a fan by hand.")
    static final class Assign extends OnLaunch {
        @Parameters(index = "1", paramLabel = "ORDER")
        long order;
        @Parameters(index = "2", paramLabel = "CUSTOMER")
        long customer;

        Assign(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            launches().assign(id, order, customer);
            context.out().println(messages().get("cli.launch.assigned", order, customer));
            return 0;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = "The report per phase (--xlsx: as a workbook).")
    static final class Report extends OnLaunch {
        @Mixin
        JsonOption asJson;
        @Option(names = "--xlsx", paramLabel = "FILE", description = "write a workbook: phases, revenue by price, votes by tier, "
                + "price guesses, allocations with reasons, trial feedback")
        java.nio.file.Path xlsx;

        Report(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            if (xlsx != null) {
                try {
                    launches().exportReport(id, xlsx, messages());
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                    context.err().println(messages().get("launches.report.cannotWrite", xlsx, e.getMessage()));
                    return 1;
                }
                context.out().println(messages().get("launches.report.written", xlsx));
                return 0;
            }
            LaunchReport r = launches().report(id);
            if (!asJson.on) {
                context.out().println(r.launch().name() + " (" + r.launch().currency() + ")");
            }
            return rowsOrJson(asJson.on, r, r.phases(), (PhaseReport p) -> p.kind().code() + "\treached " + p.reached() + "\tvotes " + p.votes()
                    + " (want " + p.wantVotes() + ")\trequests " + p.requests() + "\tallocated " + p.allocated() + "\tpaid " + p.paidOrders()
                    + "\tunits " + p.units() + "\trevenue " + p.revenue().toPlainString() + "\tnew " + p.newBuyers() + "\treturning "
                    + p.returningBuyers());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The launches, newest first.")
    static final class ListCmd extends Base {
        @Mixin
        JsonOption asJson;

        ListCmd(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            return rowsOrJson(asJson.on, launches().list(), (Launch x) -> "#" + x.id() + "\t" + x.name() + "\t" + x.status());
        }
    }

    @Command(name = "trial", mixinStandardHelpOptions = true,
            description = "Makes the trial: a gift campaign of samples (kind sample) for the trial phase's audience or the one given.")
    static final class Trial extends OnLaunch {
        @Option(names = "--quantity", required = true, paramLabel = "N", description = "samples to give")
        int quantity;
        @ArgGroup(exclusive = true)
        Phase.Audience audience;
        @Mixin
        JsonOption asJson;

        Trial(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            var c = launches().trial(id, quantity, Phase.Audience.kind(audience), Phase.Audience.value(audience));
            int fans = services().campaigns().entries(c.id()).size();
            if (asJson.on) {
                json(new TrialJson(c.id(), c.name(), fans, c.quantity()));
                return 0;
            }
            context.out().println(messages().get("launches.trial.created", c.id(), c.name(), fans, c.quantity()));
            return 0;
        }

        /** The keys in this order (a Map.of's order changes from run to run). */
        record TrialJson(long campaignId, String name, int fans, int quantity) {
        }
    }

    @Command(name = "feedback", mixinStandardHelpOptions = true,
            description = "What the trial's fans said back: interactions of kind feedback (log them with `interaction add --kind feedback`).")
    static final class Feedback extends OnLaunch {
        @Mixin
        JsonOption asJson;

        Feedback(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            var list = launches().feedback(id);
            if (!asJson.on && launches().trialCampaign(id).isEmpty()) {
                context.out().println(messages().get("launches.trial.none"));
            } else if (!asJson.on && list.isEmpty()) {
                context.out().println(messages().get("launches.feedback.none"));
            }
            return rowsOrJson(asJson.on, list, f -> "#" + f.customerId() + "\t" + GroupCommand.nz(f.name()) + "\t"
                    + f.at().atZoneSameInstant(launches().zone()).toLocalDateTime() + "\t" + f.summary());
        }
    }
}
