package com.fankeep.cli;

import com.fankeep.core.insight.Stats;
import com.fankeep.core.shared.Messages;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Counts of customers, orders, order lines, interactions, open follow-ups, and revenue per currency.")
final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    private final CliContext context;

    StatsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return print(context, RootOptions.dataDir(spec), json);
    }

    /** The command's work, also run without picocli for its plain forms ({@link PlainStats}). */
    static int print(CliContext context, java.nio.file.Path dataDir, boolean json) {
        Stats s = context.stats(dataDir);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("customers", s.customers());
            m.put("orders", s.orders());
            m.put("orderLines", s.orderLines());
            m.put("interactions", s.interactions());
            m.put("openFollowUps", s.openFollowUps());
            m.put("revenue", s.revenueByCurrency());
            context.out().println(Json.write(m));
        } else {
            printTable(s, context.messages(), context.out());
        }
        return 0;
    }

    private static void printTable(Stats s, Messages m, PrintWriter out) {
        out.printf("%-20s %,d%n", m.get("stats.customers"), s.customers());
        out.printf("%-20s %,d%n", m.get("stats.orders"), s.orders());
        out.printf("%-20s %,d%n", m.get("stats.orderLines"), s.orderLines());
        out.printf("%-20s %,d%n", m.get("stats.interactions"), s.interactions());
        out.printf("%-20s %,d%n", m.get("stats.openFollowUps"), s.openFollowUps());
        if (s.revenueByCurrency().isEmpty()) {
            out.printf("%-20s %s%n", m.get("stats.revenue"), m.get("stats.revenueNone"));
        }
        for (Map.Entry<String, BigDecimal> e : s.revenueByCurrency().entrySet()) {
            out.printf("%-20s %s %,.2f%n", m.get("stats.revenue"), e.getKey(), e.getValue());
        }
    }
}
