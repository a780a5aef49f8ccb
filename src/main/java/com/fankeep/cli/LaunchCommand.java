package com.fankeep.cli;

import com.fankeep.core.launch.AllocationPolicy;
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
import com.fankeep.core.launch.Reservation;
import com.fankeep.core.launch.StartResult;
import com.fankeep.core.launch.Vote;
import com.fankeep.core.launch.VoteResults;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "launch", mixinStandardHelpOptions = true,
        description = "Limited launches: phases with prices, votes and price guesses, first-batch reservations, fair allocation, report.",
        subcommands = {LaunchCommand.Create.class, LaunchCommand.Phase.class, LaunchCommand.Start.class, LaunchCommand.VoteCmd.class,
                LaunchCommand.Votes.class, LaunchCommand.Reserve.class, LaunchCommand.Allocate.class, LaunchCommand.Cancel.class,
                LaunchCommand.Report.class})
final class LaunchCommand {

    abstract static class Base extends ServiceCommand {
        Base(CliContext context) {
            super(context);
        }

        LaunchService launches() {
            return services().launches();
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a launch; prints its id.")
    static final class Create extends Base {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--product", required = true, paramLabel = "TEXT")
        String product;
        @Option(names = "--sku", paramLabel = "PATTERN", description = "SKUs or title words, comma separated, * as wildcard")
        String sku;
        @Option(names = "--currency", required = true, paramLabel = "C")
        String currency;
        @Option(names = "--quantity", paramLabel = "N")
        Integer quantity;
        @Option(names = "--cost", paramLabel = "X", description = "unit cost (a VIP price below it warns)")
        BigDecimal cost;
        @Option(names = "--json", description = "print JSON")
        boolean json;

        Create(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            Launch l = launches().create(new NewLaunch(name, product, sku, currency, quantity, cost, null));
            context.out().println(json ? Json.write(Map.of("id", l.id())) : messages().get("launch.cli.created", l.id(), l.name()));
            return 0;
        }
    }

    static final class Audience {
        @Option(names = "--audience", paramLabel = "SEGMENT", description = "a saved segment or a rule")
        String segment;
        @Option(names = "--group", paramLabel = "G")
        String group;
        @Option(names = "--tier", paramLabel = "T", description = "iron_fan, vip, regular, new or lapsed")
        String tier;
    }

    @Command(name = "phase", mixinStandardHelpOptions = true,
            description = "Sets a phase (again: replaces it). A public price below the VIP price exits 1 and changes nothing.")
    static final class Phase extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Parameters(index = "1", paramLabel = "KIND", description = "warmup|trial|first_batch|pause|public|regular")
        String kind;
        @Option(names = "--from", required = true, paramLabel = "T", description = "YYYY-MM-DD or YYYY-MM-DDTHH:MM, local time")
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

        Phase(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            ZoneId zone = ZoneId.systemDefault();
            String aKind = null;
            String aValue = null;
            if (audience != null) {
                aKind = audience.segment != null ? "segment" : audience.group != null ? "group" : "tier";
                aValue = audience.segment != null ? audience.segment : audience.group != null ? audience.group : audience.tier;
            }
            PhaseSaved saved = launches().phase(id, new PhaseSpec(PhaseKind.of(kind), LaunchTimes.parse(from, zone, false),
                    LaunchTimes.parse(to, zone, true), aKind, aValue, quota, perCustomer, price));
            context.out().println(messages().get("launch.cli.phaseSaved", PhaseKind.of(kind).code(), saved.launch().name()));
            saved.warnings().forEach(w -> context.err().println(messages().get(w)));
            return 0;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Starts a phase: one follow-up per fan of its audience.")
    static final class Start extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Parameters(index = "1", paramLabel = "KIND")
        String kind;

        Start(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            StartResult r = launches().start(id, PhaseKind.of(kind), messages());
            context.out().println(messages().get("launch.cli.started", r.kind().code(), r.followUps()));
            return 0;
        }
    }

    @Command(name = "vote", mixinStandardHelpOptions = true, description = "Logs a fan's answer (a later one replaces it; history kept).")
    static final class VoteCmd extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Parameters(index = "1", paramLabel = "CUSTOMER", description = "customer id")
        long customer;
        @Option(names = "--choice", required = true, description = "want, no or another option's text")
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
            context.out().println(messages().get("launch.cli.voted", GroupCommand.nz(v.name()), v.choice()));
            return 0;
        }
    }

    @Command(name = "votes", mixinStandardHelpOptions = true, description = "Vote split by tier and the guessed prices.")
    static final class Votes extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Option(names = "--json", description = "print JSON")
        boolean json;

        Votes(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            VoteResults r = launches().votes(id);
            if (json) {
                context.out().println(Json.write(r));
                return 0;
            }
            r.byTier().forEach((tier, split) -> context.out().println(tier + "\t" + split));
            var g = r.guesses();
            context.out().println(messages().get("launch.cli.guesses", g.count(), nz(g.q1()), nz(g.median()), nz(g.q3()), nz(r.plannedPrice())));
            return 0;
        }
    }

    @Command(name = "reserve", mixinStandardHelpOptions = true, description = "Records a fan's first-batch request.")
    static final class Reserve extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
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
            Reservation r = launches().reserve(id, customer, quantity, LaunchTimes.parse(at, ZoneId.systemDefault(), false), channel);
            context.out().println(messages().get("launch.cli.reserved", GroupCommand.nz(r.name()), r.quantity(), r.state()));
            return 0;
        }
    }

    @Command(name = "allocate", mixinStandardHelpOptions = true,
            description = "Shares the first batch's quota; one entry per fan with its reason. --dry-run previews.")
    static final class Allocate extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Option(names = "--policy", required = true, description = "tier-time|time|lottery")
        String policy;
        @Option(names = "--seed", paramLabel = "N", description = "lottery seed (default: drawn and recorded)")
        Long seed;
        @Option(names = "--weighted", description = "lottery: higher tiers draw with more weight")
        boolean weighted;
        @Option(names = "--dry-run", description = "preview, change nothing")
        boolean dryRun;
        @Option(names = "--json", description = "print JSON")
        boolean json;

        Allocate(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            List<LaunchService.Result> results = launches().allocate(id, AllocationPolicy.of(policy), seed, weighted, dryRun, messages());
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (LaunchService.Result r : results) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("customerId", r.allocation().customerId());
                    m.put("requested", r.allocation().requested());
                    m.put("allocated", r.allocation().allocated());
                    m.put("waitlistPosition", r.allocation().waitlistPosition());
                    m.put("reason", r.reason());
                    out.add(m);
                }
                context.out().println(Json.write(out));
                return 0;
            }
            for (LaunchService.Result r : results) {
                context.out().println("#" + r.allocation().customerId() + "\t" + GroupCommand.nz(r.name()) + "\t" + r.reason());
            }
            return 0;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels a fan's reservation; the waiting list is promoted in order.")
    static final class Cancel extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Parameters(index = "1", paramLabel = "CUSTOMER")
        long customer;

        Cancel(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            CancelResult r = launches().cancel(id, customer, messages());
            context.out().println(messages().get("launch.cli.cancelled", r.freed(), r.promotions().stream().filter(p -> p.added() > 0).count()));
            return 0;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = "Per phase: reached, votes, requests, allocated, paid, revenue, buyers.")
    static final class Report extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Option(names = "--json", description = "print JSON")
        boolean json;

        Report(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            LaunchReport r = launches().report(id);
            if (json) {
                context.out().println(Json.write(r));
                return 0;
            }
            context.out().println("phase\tprice\treached\tvotes\twant\tguessMedian\trequests\tallocated\tpaidOrders\tunits\trevenue\tbuyers\tnew\treturning");
            for (PhaseReport p : r.phases()) {
                context.out().println(String.join("\t", p.kind().code(), nz(p.price()), nz(p.reached()), "" + p.votes(), "" + p.wantVotes(),
                        nz(p.guessMedian()), "" + p.requests(), "" + p.allocated(), "" + p.paidOrders(), "" + p.units(),
                        p.revenue().toPlainString(), "" + p.buyers(), "" + p.newBuyers(), "" + p.returningBuyers()));
            }
            return 0;
        }
    }

    static String nz(Object o) {
        return o == null ? "-" : o instanceof BigDecimal b ? b.toPlainString() : o.toString();
    }
}
