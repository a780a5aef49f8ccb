package com.fankeep.cli;

import com.fankeep.core.insight.ChartData;
import com.fankeep.core.insight.Dashboard;
import com.fankeep.core.insight.DashboardQuery;
import com.fankeep.core.insight.DashboardService;
import com.fankeep.core.insight.DashboardText;
import com.fankeep.core.insight.DashboardWorkbook;
import com.fankeep.core.insight.Figure;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true, description = "Reports on the fan base: the dashboard, cohorts.",
        subcommands = {ReportCommand.DashboardCmd.class, ReportCommand.Cohorts.class, ReportCommand.ActiveDays.class})
final class ReportCommand {

    @Command(name = "dashboard", mixinStandardHelpOptions = true,
            description = {"Every dashboard figure for a period (default: the whole history) with the previous period of the"
                    + " same length, and the data of its charts.", "Customers and revenue over the whole history equal `stats`."})
    static final class DashboardCmd extends ServiceCommand {

        @Option(names = "--from", description = "first day (YYYY-MM-DD); default the first order's day")
        LocalDate from;

        @Option(names = "--to", description = "last day, included (YYYY-MM-DD); default today")
        LocalDate to;

        @Option(names = "--platform", description = "only this platform (taobao, jd …)")
        String platform;

        @Option(names = "--json", description = "print JSON: {\"customers\": N, \"active\": N, \"lapsed\": N, \"repeatRate\": 0.43,"
                + " \"revenue\": {\"CNY\": …}, …, \"previous\": {…}, \"charts\": [...]}")
        boolean json;

        @Option(names = "--xlsx", paramLabel = "FILE", description = "write a workbook: a sheet of figures and one per chart's data")
        Path xlsx;

        DashboardCmd(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            DashboardService service = services().dashboard();
            DashboardQuery whole = service.wholeHistory(platform);
            LocalDate f = from != null ? from : to != null && to.isBefore(whole.from()) ? to : whole.from();
            LocalDate t = to != null ? to : from != null && from.isAfter(whole.to()) ? from : whole.to();
            if (f.isAfter(t)) {
                context.err().println(messages().get("cli.report.badPeriod", f, t));
                return Cli.USAGE;
            }
            DashboardQuery q = new DashboardQuery(f, t, platform);
            Dashboard d = service.figures(q);
            List<ChartData> charts = new java.util.ArrayList<>(service.charts(q));
            charts.addAll(service.outcomes());
            if (xlsx != null) {
                try {
                    DashboardWorkbook.write(xlsx, d, charts, messages());
                } catch (IOException e) {
                    context.err().println(messages().get("cli.report.cannotWrite", xlsx, e.getMessage()));
                    return Cli.FAILURE;
                }
                context.out().println(messages().get("cli.report.written", xlsx));
                return 0;
            }
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("from", q.from().toString());
                out.put("to", q.to().toString());
                out.put("platform", q.platform());
                out.put("activeDays", d.activeDays());
                out.put("previousFrom", q.previousFrom().toString());
                out.put("previousTo", q.previousTo().toString());
                out.putAll(figures(d, false));
                out.put("previous", figures(d, true));
                Map<String, String> rules = new LinkedHashMap<>();
                d.figures().stream().filter(x -> x.rule() != null).forEach(x -> rules.put(x.key(), x.rule()));
                out.put("rules", rules);
                out.put("charts", charts);
                context.out().println(Json.write(out));
                return 0;
            }
            DashboardText text = new DashboardText(messages());
            context.out().println(messages().get("cli.report.period", q.from(), q.to(), q.previousFrom(), q.previousTo()));
            for (Figure x : d.figures()) {
                context.out().printf("%-28s %14s   %s%n", text.figure(x.key()), x.value().toPlainString(),
                        x.previous() == null ? "" : messages().get("cli.report.previous", x.previous().toPlainString()));
            }
            return 0;
        }

        /** Figures as nested JSON: revenue.CNY → "revenue": {"CNY": …}. */
        private static Map<String, Object> figures(Dashboard d, boolean previous) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Figure x : d.figures()) {
                BigDecimal v = previous ? x.previous() : x.value();
                if (v == null) {
                    continue;
                }
                int dot = x.key().indexOf('.');
                Object value = v.scale() == 0 ? (Object) v.longValueExact() : v;
                if (dot < 0) {
                    out.put(x.key(), value);
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> group = (Map<String, Object>) out.computeIfAbsent(x.key().substring(0, dot), k -> new LinkedHashMap<>());
                    group.put(x.key().substring(dot + 1), value);
                }
            }
            return out;
        }
    }

    @Command(name = "cohorts", mixinStandardHelpOptions = true,
            description = "Buyers per first-order month (cohort) and how many of them bought in each later month.")
    static final class Cohorts extends ServiceCommand {

        @Option(names = "--platform", description = "only this platform")
        String platform;

        @Option(names = "--json", description = "print JSON: [{\"cohort\": \"2025-01\", \"buyers\": N, \"months\": [N, N, …]}, …]")
        boolean json;

        Cohorts(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            ChartData c = services().dashboard().cohortsAll(platform);
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            for (ChartData.Row r : c.rows()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("cohort", r.label());
                m.put("buyers", r.values().getFirst().longValue());
                m.put("months", r.values().subList(1, r.values().size()).stream().filter(java.util.Objects::nonNull)
                        .map(BigDecimal::longValue).toList());
                rows.add(m);
            }
            if (json) {
                context.out().println(Json.write(rows));
                return 0;
            }
            for (Map<String, Object> m : rows) {
                context.out().println(m.get("cohort") + "  " + m.get("buyers") + "  " + m.get("months"));
            }
            return 0;
        }
    }

    @Command(name = "active-days", mixinStandardHelpOptions = true,
            description = "Shows or sets the dashboard's active window: a customer who ordered within this many days is active"
                    + " (default 90; the same setting as Settings → Dashboard).")
    static final class ActiveDays extends ServiceCommand {

        @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "DAYS", description = "the new number of days (1…3650)")
        Integer days;

        @Option(names = "--json", description = "print JSON: {\"activeDays\": N}")
        boolean json;

        ActiveDays(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            DashboardService dashboard = services().dashboard();
            if (days != null) {
                dashboard.setActiveDays(days);
            }
            int now = dashboard.activeDays();
            context.out().println(json ? Json.write(Map.of("activeDays", now)) : messages().get("dashboard.activeDays.current", Integer.toString(now)));
            return 0;
        }
    }
}
