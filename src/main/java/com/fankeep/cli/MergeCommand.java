package com.fankeep.cli;

import com.fankeep.core.merge.MergeField;
import com.fankeep.core.merge.MergePreview;
import com.fankeep.core.merge.MergeRecord;
import com.fankeep.core.merge.MergeRequest;
import com.fankeep.core.merge.MergeResult;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merges customers into one: orders, channels, tags, interactions and follow-ups move to the one kept.",
                "Each field keeps the kept customer's value unless --take FIELD=ID says whose; undo with `merge undo MERGE`."},
        subcommands = {MergeCommand.Undo.class, MergeCommand.History.class})
final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "the customers to merge (two or more)")
    List<Long> ids = List.of();

    @Option(names = "--keep", paramLabel = "ID", description = "the customer to keep (default: most orders, then the oldest)")
    Long keep;

    @Option(names = "--take", paramLabel = "FIELD=ID",
            description = "take a field from this customer: name, gender, birthday, place, note, recovery, referred_by, do_not_contact")
    Map<String, Long> take = Map.of();

    @Option(names = "--dry-run", description = "show what would be kept and change nothing")
    boolean dryRun;

    private final CliContext context;

    MergeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (ids.size() < 2) {
            throw new ParameterException(spec.commandLine(), "name at least two customers to merge");
        }
        var merges = context.services(RootOptions.dataDir(spec)).merges();
        MergePreview preview = merges.preview(ids, keep);
        Map<MergeField, Long> from = new EnumMap<>(MergeField.class);
        from.putAll(preview.valuesFrom());
        long survivor = preview.survivorId();
        for (var e : take.entrySet()) {
            try {
                from.put(MergeField.valueOf(e.getKey().toUpperCase(Locale.ROOT)), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new ParameterException(spec.commandLine(), "unknown field '" + e.getKey() + "' in --take");
            }
        }
        for (var e : from.entrySet()) {
            String value = preview.customers().stream().filter(c -> c.id() == e.getValue()).findFirst()
                    .map(c -> c.fields().get(e.getKey())).orElse("");
            context.out().println(context.messages().get("cli.merge.field", e.getKey().name().toLowerCase(Locale.ROOT), e.getValue(), value));
        }
        if (dryRun) {
            context.out().println(context.messages().get("cli.merge.dryRun", survivor));
            return 0;
        }
        MergeResult r = merges.merge(new MergeRequest(ids, survivor, from));
        context.out().println(context.messages().get("cli.merge.done", r.mergeId(), r.mergedIds().toString(), r.survivorId(),
                r.ordersMoved(), r.channelsMoved()));
        return 0;
    }

    @Command(name = "undo", mixinStandardHelpOptions = true, description = "Takes a merge back: the customers come back as they were.")
    static final class Undo implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "MERGE", description = "the merge id (printed by `merge`, see `merge history`)")
        long mergeId;

        private final CliContext context;

        Undo(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<Long> ids;
            try {
                ids = context.services(RootOptions.dataDir(spec)).merges().undo(mergeId);
            } catch (com.fankeep.core.shared.RefusedException e) {
                context.err().println(e.localized(context.messages()));
                return 1;
            }
            context.out().println(context.messages().get("cli.merge.undone", mergeId, ids.toString()));
            return 0;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Merges, newest first.")
    static final class History implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        JsonOption json;

        private final CliContext context;

        History(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<MergeRecord> list = context.services(RootOptions.dataDir(spec)).merges().history(100);
            if (json.on) {
                context.out().println(Json.write(list));
                return 0;
            }
            for (MergeRecord r : list) {
                context.out().println(context.messages().get("cli.merge.historyRow", r.id(), r.mergedAt().toString(),
                        r.mergedIds().toString(), r.survivorId(), r.undoneAt() == null ? "" : context.messages().get("cli.merge.undoneMark")));
            }
            return 0;
        }
    }
}
