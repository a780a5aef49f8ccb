package com.fankeep.cli;

import com.fankeep.core.interaction.ContactMedium;
import com.fankeep.core.interaction.Interaction;
import com.fankeep.core.interaction.InteractionChange;
import com.fankeep.core.interaction.InteractionKind;
import com.fankeep.core.interaction.InteractionService;
import com.fankeep.core.interaction.NewInteraction;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "interaction", mixinStandardHelpOptions = true,
        description = "Interactions with customers: log, list, edit, delete, undo.",
        subcommands = {InteractionCommand.Add.class, InteractionCommand.ListAll.class, InteractionCommand.Edit.class,
                InteractionCommand.Delete.class,
                InteractionCommand.Undo.class})
final class InteractionCommand {

    static InteractionService service(CliContext context, CommandSpec spec) {
        return context.services(RootOptions.dataDir(spec)).interactions();
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Logs an interaction. Kinds: call, chat, meeting, gift, complaint, suggestion, story, note, message, feedback."
                    + " Channels: phone, wechat, qq, weibo, douyin, email, in_person, other.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--customer", required = true, paramLabel = "ID")
        long customer;
        @Option(names = "--kind", required = true, paramLabel = "K")
        String kind;
        @Option(names = "--channel", required = true, paramLabel = "C")
        String channel;
        @Option(names = "--summary", required = true, paramLabel = "TEXT")
        String summary;
        @Option(names = "--body", paramLabel = "TEXT", description = "longer text")
        String body;
        @Option(names = "--at", paramLabel = "TIME", description = "when (ISO-8601 with offset, e.g. 2024-03-15T10:30+08:00); default now")
        OffsetDateTime at;
        @Option(names = "--shareable", description = "a story that may be shared (with --consent when the customer agreed)")
        boolean shareable;
        @Option(names = "--consent", description = "the customer agreed that the story be shared")
        boolean consent;

        private final CliContext context;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Interaction i = service(context, spec).add(new NewInteraction(customer, InteractionKind.fromCode(kind),
                    ContactMedium.fromCode(channel), at, summary, body, shareable, consent));
            context.out().println(context.messages().get("followups.cli.interactionAdded", i.id(), i.customerId()));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "A customer's interactions, newest first.")
    static final class ListAll implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--customer", required = true, paramLabel = "ID")
        long customer;
        @Option(names = "--kind", paramLabel = "K", description = "only this kind")
        String kind;
        @Mixin
        JsonOption json;

        private final CliContext context;

        ListAll(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<Interaction> list = service(context, spec).forCustomer(customer, kind == null ? null : InteractionKind.fromCode(kind));
            if (json.on) {
                context.out().println(Json.write(list.stream().map(ListAll::json).toList()));
                return 0;
            }
            for (Interaction i : list) {
                context.out().printf("%d\t%s\t%s\t%s\t%s%n", i.id(), i.occurredAt(), i.kind().code(), i.channel().code(), i.summary());
            }
            return 0;
        }

        static java.util.Map<String, Object> json(Interaction i) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("id", i.id());
            m.put("customerId", i.customerId());
            m.put("kind", i.kind().code());
            m.put("channel", i.channel().code());
            m.put("occurredAt", i.occurredAt().toString());
            m.put("summary", i.summary());
            m.put("body", i.body());
            m.put("shareable", i.shareable());
            m.put("consentAt", i.consentAt() == null ? null : i.consentAt().toString());
            return m;
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Changes an interaction (undoable with `interaction undo`).")
    static final class Edit implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        long id;
        @Option(names = "--kind", paramLabel = "K")
        String kind;
        @Option(names = "--channel", paramLabel = "C")
        String channel;
        @Option(names = "--summary", paramLabel = "TEXT")
        String summary;
        @Option(names = "--body", paramLabel = "TEXT")
        String body;

        private final CliContext context;

        Edit(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            InteractionService s = service(context, spec);
            Interaction i = s.find(id).orElseThrow(() -> new IllegalArgumentException("no interaction " + id));
            InteractionChange c = s.edit(id, new NewInteraction(i.customerId(),
                    kind == null ? i.kind() : InteractionKind.fromCode(kind), channel == null ? i.channel() : ContactMedium.fromCode(channel),
                    i.occurredAt(), summary == null ? i.summary() : summary, body == null ? i.body() : body,
                    i.shareable(), i.consentAt() != null));
            context.out().println(context.messages().get("followups.cli.interactionEdited", id, c.undoId()));
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes an interaction (undoable with `interaction undo`).")
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        long id;

        private final CliContext context;

        Delete(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            InteractionChange c = service(context, spec).delete(id);
            context.out().println(context.messages().get("followups.cli.interactionDeleted", id, c.undoId()));
            return 0;
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true, description = "Undoes an edit or delete of an interaction.")
    static final class Undo implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "CHANGE", description = "the change id printed by delete")
        long change;

        private final CliContext context;

        Undo(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Interaction i = service(context, spec).undo(change);
            context.out().println(context.messages().get("followups.cli.interactionRestored", i.id()));
            return 0;
        }
    }
}
