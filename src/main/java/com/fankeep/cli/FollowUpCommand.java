package com.fankeep.cli;

import com.fankeep.core.followup.Agenda;
import com.fankeep.core.followup.DoneResult;
import com.fankeep.core.followup.FollowUp;
import com.fankeep.core.followup.FollowUpReason;
import com.fankeep.core.followup.FollowUpService;
import com.fankeep.core.followup.NewFollowUp;
import com.fankeep.core.followup.Recurrence;
import com.fankeep.core.followup.RecurrenceUnit;
import com.fankeep.core.interaction.ContactMedium;
import com.fankeep.core.interaction.InteractionKind;
import com.fankeep.core.interaction.NewInteraction;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "followup", mixinStandardHelpOptions = true,
        description = "Personal follow-ups: schedule, what is due, done, snooze, cancel, run the automatic rules, export to a calendar.",
        subcommands = {FollowUpCommand.Add.class, FollowUpCommand.Due.class, FollowUpCommand.Done.class,
                FollowUpCommand.Snooze.class, FollowUpCommand.Cancel.class, FollowUpCommand.Rules.class,
                FollowUpCommand.ExportIcs.class})
final class FollowUpCommand {

    static FollowUpService service(CliContext context, CommandSpec spec) {
        return context.services(RootOptions.dataDir(spec)).followUps();
    }

    static Map<String, Object> json(FollowUp f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("customerId", f.customerId());
        m.put("customer", f.customerName());
        m.put("title", f.title());
        m.put("reason", f.reason().code());
        m.put("due", f.dueDate().toString());
        m.put("time", f.dueTime() == null ? null : f.dueTime().toString());
        m.put("channel", f.channel() == null ? null : f.channel().code());
        m.put("recurrence", f.recurrence() == null ? null : f.recurrence().every() + " " + f.recurrence().unit().code());
        m.put("status", f.status().code());
        m.put("orderId", f.orderId());
        return m;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Schedules a follow-up on one or more customers.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--customer", required = true, split = ",", paramLabel = "ID", description = "one or more, e.g. 3,7,12")
        List<Long> customers;
        @Option(names = "--title", required = true, paramLabel = "TEXT")
        String title;
        @Option(names = "--due", required = true, paramLabel = "DATE", description = "yyyy-mm-dd")
        LocalDate due;
        @Option(names = "--time", paramLabel = "HH:MM")
        LocalTime time;
        @Option(names = "--channel", paramLabel = "C")
        String channel;
        @Option(names = "--template", paramLabel = "ID")
        Long template;
        @Option(names = "--every", paramLabel = "N", description = "repeat every N units")
        Integer every;
        @Option(names = "--unit", paramLabel = "U", description = "day, week, month, year, birthday")
        String unit;
        @Option(names = "--keep-in-touch", description = "satisfied by any interaction with the customer")
        boolean keepInTouch;

        private final CliContext context;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Recurrence r = unit == null ? null : new Recurrence(RecurrenceUnit.fromCode(unit), every == null ? 1 : every);
            NewFollowUp n = new NewFollowUp(title, keepInTouch ? FollowUpReason.KEEP_IN_TOUCH : FollowUpReason.MANUAL, due,
                    time, channel == null ? null : ContactMedium.fromCode(channel), template, r);
            for (FollowUp f : service(context, spec).schedule(customers, n)) {
                context.out().println(context.messages().get("followups.cli.added", f.id(), f.customerName(), f.dueDate().toString()));
            }
            return 0;
        }
    }

    @Command(name = "due", mixinStandardHelpOptions = true, description = "Overdue, due today and in the next 7 days.")
    static final class Due implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--date", paramLabel = "DATE", description = "the day to look from (default today)")
        LocalDate date;
        @Mixin
        JsonOption json;

        private final CliContext context;

        Due(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            FollowUpService s = service(context, spec);
            Agenda a = s.agenda(date == null ? s.today() : date);
            if (json.on) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("date", a.today().toString());
                m.put("overdue", a.overdue().stream().map(FollowUpCommand::json).toList());
                m.put("today", a.dueToday().stream().map(FollowUpCommand::json).toList());
                m.put("upcoming", a.upcoming().stream().map(FollowUpCommand::json).toList());
                context.out().println(Json.write(m));
                return 0;
            }
            section("followups.cli.overdue", a.overdue());
            section("followups.cli.today", a.dueToday());
            section("followups.cli.upcoming", a.upcoming());
            return 0;
        }

        private void section(String key, List<FollowUp> list) {
            context.out().println(context.messages().get(key, list.size()));
            for (FollowUp f : list) {
                context.out().printf("  %d\t%s\t%s\t%s%n", f.id(), f.dueDate(), f.customerName(), f.title());
            }
        }
    }

    @Command(name = "done", mixinStandardHelpOptions = true,
            description = "Completes a follow-up: logs the interaction and schedules the next one when it repeats.")
    static final class Done implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        long id;
        @Option(names = "--kind", defaultValue = "message", paramLabel = "K")
        String kind;
        @Option(names = "--channel", paramLabel = "C", description = "default: the follow-up's channel, else other")
        String channel;
        @Option(names = "--summary", paramLabel = "TEXT", description = "default: the follow-up's title")
        String summary;
        @Option(names = "--at", paramLabel = "TIME", description = "when it was done (ISO-8601 with offset); default now")
        java.time.OffsetDateTime at;

        private final CliContext context;

        Done(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            FollowUpService s = service(context, spec);
            FollowUp f = s.find(id).orElseThrow(() -> new IllegalArgumentException("no follow-up " + id));
            ContactMedium c = channel != null ? ContactMedium.fromCode(channel) : f.channel() != null ? f.channel() : ContactMedium.OTHER;
            DoneResult r = s.done(id, new NewInteraction(f.customerId(), InteractionKind.fromCode(kind), c, at,
                    summary == null ? f.title() : summary, null, false, false));
            context.out().println(context.messages().get("followups.cli.done", id, r.interaction().id()));
            if (r.next() != null) {
                context.out().println(context.messages().get("followups.cli.next", r.next().id(), r.next().dueDate().toString()));
            }
            return 0;
        }
    }

    @Command(name = "snooze", mixinStandardHelpOptions = true, description = "Moves a follow-up's due date (the series keeps its days).")
    static final class Snooze implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        long id;
        @Option(names = "--until", required = true, paramLabel = "DATE")
        LocalDate until;

        private final CliContext context;

        Snooze(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            FollowUp f = service(context, spec).snooze(id, until);
            context.out().println(context.messages().get("followups.cli.snoozed", f.id(), f.dueDate().toString()));
            return 0;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels an open follow-up.")
    static final class Cancel implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        long id;

        private final CliContext context;

        Cancel(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            service(context, spec).cancel(id);
            context.out().println(context.messages().get("followups.cli.cancelled", id));
            return 0;
        }
    }

    @Command(name = "rules", mixinStandardHelpOptions = true,
            description = "Runs the automatic rules now (tracking number, delivery check, birthday, win back); safe to repeat.")
    static final class Rules implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final CliContext context;

        Rules(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            var r = context.services(RootOptions.dataDir(spec)).followUpRules().run();
            context.out().println(context.messages().get("followups.cli.rules", r.created(), r.cancelled()));
            return 0;
        }
    }

    @Command(name = "export-ics", mixinStandardHelpOptions = true,
            description = "Writes the open follow-ups to an iCalendar (.ics) file for a phone or desktop calendar.")
    static final class ExportIcs implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;
        @Option(names = "--from", paramLabel = "DATE", description = "only those due from this day on (default: all open)")
        LocalDate from;

        private final CliContext context;

        ExportIcs(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            int n = service(context, spec).exportIcs(out, from);
            context.out().println(context.messages().get("followups.cli.exported", n, out.toString()));
            return 0;
        }
    }
}
