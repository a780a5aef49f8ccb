package com.fankeep.cli;

import com.fankeep.core.tier.RecomputeResult;
import com.fankeep.core.tier.Tier;
import com.fankeep.core.tier.TierChange;
import com.fankeep.core.tier.TierCount;
import com.fankeep.core.tier.TierService;
import com.fankeep.core.tier.TierSettings;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Messages;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "tier", mixinStandardHelpOptions = true,
        description = "Tiers from purchase history (iron_fan, vip, regular, new, lapsed): counts, recompute, pins, history, thresholds.",
        subcommands = {TierCommand.ListTiers.class, TierCommand.Recompute.class, TierCommand.Pin.class, TierCommand.Unpin.class,
                TierCommand.History.class, TierCommand.SettingsCmd.class})
final class TierCommand {

    private static TierService tiers(CliContext context, CommandSpec spec) {
        return context.services(RootOptions.dataDir(spec)).tiers();
    }

    private static String name(Messages m, String tier) {
        return tier == null ? m.get("tier.none") : m.get("customers.tier." + tier);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Customers per tier (JSON: customers with orders only).")
    static final class ListTiers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "print JSON: [{\"tier\": \"iron_fan\", \"count\": N}, …]")
        boolean json;

        private final CliContext context;

        ListTiers(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<TierCount> counts = tiers(context, spec).counts();
            if (json) {
                context.out().println(Json.write(counts.stream().filter(c -> c.tier() != null).toList()));
                return 0;
            }
            for (TierCount c : counts) {
                context.out().println(context.messages().get("cli.tier.count", c.tier() == null ? "-" : c.tier(),
                        name(context.messages(), c.tier()), c.count()));
            }
            return 0;
        }
    }

    @Command(name = "recompute", mixinStandardHelpOptions = true,
            description = {"Recomputes every customer's tier (pinned ones stay); --due: only the daily pass, if it has not run today.",
                    "It commits in chunks of customers: if stopped, those done keep their new tier and running it again finishes."})
    static final class Recompute implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--due", description = "the daily pass: customers whose last order crossed a threshold since the last pass")
        boolean due;

        private final CliContext context;

        Recompute(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            TierService t = tiers(context, spec);
            RecomputeResult r = due ? t.dailyPass((d, total, msg) -> { }, Cancellation.none())
                    : t.recomputeAll((d, total, msg) -> { }, Cancellation.none());
            if (r == null) {
                context.out().println(context.messages().get("cli.tier.dailyDone"));
            } else {
                context.out().println(context.messages().get("cli.tier.recomputed", r.examined(), r.changed(), r.millis()));
            }
            return 0;
        }
    }

    @Command(name = "pin", mixinStandardHelpOptions = true, description = "Sets a customer's tier by hand; recomputing leaves it until unpinned.")
    static final class Pin implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Parameters(index = "1", paramLabel = "TIER", description = "iron_fan, vip, regular, new, lapsed")
        String tier;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why (shown on the profile)")
        String reason;

        private final CliContext context;

        Pin(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Tier t = Tier.of(tier);
            tiers(context, spec).pin(id, t, reason);
            context.out().println(context.messages().get("cli.tier.pinned", id, name(context.messages(), t.code())));
            return 0;
        }
    }

    @Command(name = "unpin", mixinStandardHelpOptions = true, description = "Removes a pin; the tier is recomputed at once.")
    static final class Unpin implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        private final CliContext context;

        Unpin(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            boolean removed = tiers(context, spec).unpin(id);
            context.out().println(context.messages().get(removed ? "cli.tier.unpinned" : "cli.tier.notPinned", id));
            return 0;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "A customer's tier changes, newest first.")
    static final class History implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        private final CliContext context;

        History(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<TierChange> list = tiers(context, spec).history(id);
            if (json) {
                context.out().println(Json.write(list));
                return 0;
            }
            Messages m = context.messages();
            for (TierChange c : list) {
                context.out().println(m.get("cli.tier.historyRow", c.at().toLocalDate().toString(), name(m, c.from()), name(m, c.to()),
                        m.get("tier.reason." + c.reason()), c.note() == null ? "" : c.note()));
            }
            if (list.isEmpty()) {
                context.out().println(m.get("cli.tier.noHistory", id));
            }
            return 0;
        }
    }

    @Command(name = "settings", mixinStandardHelpOptions = true,
            description = {"Shows the thresholds and exchange rates; with options, sets them and recomputes every tier.",
                    "Example: tier settings --iron-orders 6 --iron-spend 3000 --rates USD=7.2,EUR=7.9"})
    static final class SettingsCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--iron-orders", paramLabel = "N") Integer ironOrders;
        @Option(names = "--iron-spend", paramLabel = "AMOUNT") BigDecimal ironSpend;
        @Option(names = "--iron-days", paramLabel = "DAYS") Integer ironDays;
        @Option(names = "--vip-orders", paramLabel = "N") Integer vipOrders;
        @Option(names = "--vip-spend", paramLabel = "AMOUNT") BigDecimal vipSpend;
        @Option(names = "--vip-days", paramLabel = "DAYS") Integer vipDays;
        @Option(names = "--new-max-orders", paramLabel = "N") Integer newMaxOrders;
        @Option(names = "--new-days", paramLabel = "DAYS") Integer newDays;
        @Option(names = "--lapsed-days", paramLabel = "DAYS") Integer lapsedDays;
        @Option(names = "--count-referrals", paramLabel = "true|false") Boolean countReferrals;
        @Option(names = "--main-currency", paramLabel = "CUR") String mainCurrency;
        @Option(names = "--rates", paramLabel = "CUR=RATE,…", description = "main-currency value of one unit, e.g. USD=7.1,EUR=7.8 (merged into the rates)") String rates;
        @Option(names = "--json", description = "print JSON") boolean json;

        private final CliContext context;

        SettingsCmd(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            TierService t = tiers(context, spec);
            TierSettings s = t.settings();
            boolean change = ironOrders != null || ironSpend != null || ironDays != null || vipOrders != null || vipSpend != null
                    || vipDays != null || newMaxOrders != null || newDays != null || lapsedDays != null || countReferrals != null
                    || mainCurrency != null || rates != null;
            if (change) {
                Map<String, BigDecimal> r = new LinkedHashMap<>(s.rates());
                if (rates != null) {
                    r.putAll(TierSettings.rates(rates, Map.of()));
                }
                s = new TierSettings(or(ironOrders, s.ironMinOrders()), or(ironSpend, s.ironMinSpend()), or(ironDays, s.ironWithinDays()),
                        or(vipOrders, s.vipMinOrders()), or(vipSpend, s.vipMinSpend()), or(vipDays, s.vipWithinDays()),
                        or(newMaxOrders, s.newMaxOrders()), or(newDays, s.newWithinDays()), or(lapsedDays, s.lapsedAfterDays()),
                        or(countReferrals, s.countReferrals()), or(mainCurrency, s.mainCurrency()), r);
                t.saveSettings(s);
                RecomputeResult done = t.recomputeAll((d, total, msg) -> { }, Cancellation.none());
                context.err().println(context.messages().get("cli.tier.recomputed", done.examined(), done.changed(), done.millis()));
            }
            if (json) {
                context.out().println(Json.write(s));
                return 0;
            }
            Messages m = context.messages();
            context.out().println(m.get("cli.tier.settings.iron", s.ironMinOrders(), s.ironMinSpend().toPlainString(), s.mainCurrency(), s.ironWithinDays()));
            context.out().println(m.get("cli.tier.settings.vip", s.vipMinOrders(), s.vipMinSpend().toPlainString(), s.mainCurrency(), s.vipWithinDays()));
            context.out().println(m.get("cli.tier.settings.new", s.newMaxOrders(), s.newWithinDays()));
            context.out().println(m.get("cli.tier.settings.lapsed", s.lapsedAfterDays()));
            context.out().println(m.get("cli.tier.settings.referrals", s.countReferrals()));
            StringBuilder sb = new StringBuilder();
            s.rates().forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=').append(v.toPlainString()));
            context.out().println(m.get("cli.tier.settings.rates", s.mainCurrency(), sb));
            return 0;
        }

        private static <T> T or(T value, T fallback) {
            return value != null ? value : fallback;
        }
    }
}
