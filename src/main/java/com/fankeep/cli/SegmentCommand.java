package com.fankeep.cli;

import com.fankeep.core.segment.Audience;
import com.fankeep.core.segment.SavedSegment;
import com.fankeep.core.segment.SegmentService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {"Smart segments: customers picked by a rule, e.g. 'city = 上海 and orders >= 3 and last_order within 180d'.",
                "A rule that does not parse prints the column and what is wrong, and exits 2."},
        subcommands = {SegmentCommand.Count.class, SegmentCommand.ListSaved.class, SegmentCommand.Save.class,
                SegmentCommand.Delete.class, SegmentCommand.Members.class})
final class SegmentCommand {

    private SegmentCommand() {
    }

    /** Shared: the service, and a rule error printed with its column (exit 2) or a missing segment (exit 1). */
    abstract static class Base extends ServiceCommand {
        Base(CliContext context) {
            super(context);
        }

        SegmentService segments() {
            return services().segments();
        }
    }

    @Command(name = "count", mixinStandardHelpOptions = true, description = "How many customers match RULE (or a saved segment's NAME).")
    static final class Count extends Base {
        @Parameters(index = "0", paramLabel = "RULE|NAME") String rule;

        @Option(names = "--json", description = "print {\"count\": N}") boolean json;

        Count(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            SegmentService s = segments();
            long n = s.count(s.resolve(rule));
            context.out().println(json ? Json.write(Map.of("count", n)) : context.messages().get("segment.cli.count", n));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The saved segments with their rules.")
    static final class ListSaved extends Base {
        @Option(names = "--json", description = "print JSON: [{\"id\", \"name\", \"rule\", \"updatedAt\"}, …]") boolean json;

        @Option(names = "--counts", description = "also count the members of each (slower)") boolean counts;

        ListSaved(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            SegmentService s = segments();
            List<SavedSegment> list = s.list();
            if (json) {
                List<Map<String, Object>> out = list.stream().map(seg -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", seg.id());
                    m.put("name", seg.name());
                    m.put("rule", seg.rule());
                    m.put("updatedAt", seg.updatedAt().toString());
                    if (counts) {
                        m.put("count", s.count(seg.rule()));
                    }
                    return m;
                }).toList();
                context.out().println(Json.write(out));
                return 0;
            }
            if (list.isEmpty()) {
                context.out().println(context.messages().get("segment.cli.none"));
            }
            for (SavedSegment seg : list) {
                context.out().println(seg.name() + "\t" + seg.rule() + (counts ? "\t" + s.count(seg.rule()) : ""));
            }
            return 0;
        }
    }

    @Command(name = "save", mixinStandardHelpOptions = true, description = "Saves RULE under NAME (replacing the rule of an existing NAME).")
    static final class Save extends Base {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Parameters(index = "1", paramLabel = "RULE") String rule;

        Save(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            SavedSegment saved = segments().save(name, rule);
            context.out().println(context.messages().get("segment.cli.saved", saved.name(), saved.rule()));
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a saved segment (exit 1 when there is none by that name).")
    static final class Delete extends Base {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        Delete(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            segments().delete(name);
            context.out().println(context.messages().get("segment.cli.deleted", name));
            return 0;
        }
    }

    @Command(name = "members", mixinStandardHelpOptions = true,
            description = "The customer ids of a saved segment NAME or a RULE; do-not-contact customers are left out unless --include-do-not-contact.")
    static final class Members extends Base {
        @Parameters(index = "0", paramLabel = "NAME|RULE") String rule;

        @Option(names = "--json", description = "print JSON: {\"customerIds\": […], \"doNotContactLeftOut\": N}") boolean json;

        @Option(names = "--include-do-not-contact", description = "keep customers who asked not to be contacted") boolean includeDnc;

        Members(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            Audience a = segments().audience(rule, includeDnc);
            if (json) {
                context.out().println(Json.write(a));
                return 0;
            }
            for (long id : a.customerIds()) {
                context.out().println(id);
            }
            context.err().println(context.messages().get("segment.cli.members", a.customerIds().size(), a.doNotContactLeftOut()));
            return 0;
        }
    }
}
