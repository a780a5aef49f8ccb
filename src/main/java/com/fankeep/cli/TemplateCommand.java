package com.fankeep.cli;

import com.fankeep.core.template.MessageTemplate;
import com.fankeep.core.template.Rendered;
import com.fankeep.core.template.TemplateService;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Message templates with placeholders {name} {nickname} {last_item} {last_order_date} {tracking_no}"
                + " {carrier} {shop_name} {days_since_last_order} {birthday}.",
        subcommands = {TemplateCommand.ListAll.class, TemplateCommand.Show.class, TemplateCommand.Preview.class})
final class TemplateCommand {

    static TemplateService service(CliContext context, CommandSpec spec) {
        return context.services(RootOptions.dataDir(spec)).templates();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Templates: built-ins of a language and your own.")
    static final class ListAll implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--locale", paramLabel = "L", description = "zh_CN or en (default: all)")
        String locale;
        @Mixin
        JsonOption json;

        private final CliContext context;

        ListAll(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<MessageTemplate> list = service(context, spec).list(locale);
            if (json.on) {
                context.out().println(Json.write(list));
                return 0;
            }
            for (MessageTemplate t : list) {
                context.out().printf("%d\t%s\t%s\t%s%n", t.id(), t.locale() == null ? "*" : t.locale(),
                        t.code() == null ? "-" : t.code(), t.name());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A template's text.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        long id;

        private final CliContext context;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            MessageTemplate t = service(context, spec).find(id).orElseThrow(() -> new IllegalArgumentException("no template " + id));
            context.out().println(t.name());
            context.out().println(t.body());
            return 0;
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = "The template filled in for a customer; placeholders without a value are left out and named on stderr.")
    static final class Preview implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        long id;
        @Option(names = "--customer", required = true, paramLabel = "ID")
        long customer;
        @Option(names = "--order", paramLabel = "ID", description = "the order for {tracking_no}, {carrier}, {last_item} (default: the last one)")
        Long order;

        private final CliContext context;

        Preview(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Rendered r = service(context, spec).render(id, customer, order);
            context.out().println(r.text());
            if (!r.complete()) {
                context.err().println(context.messages().get("followups.template.missing", String.join(", ", r.missing())));
            }
            return 0;
        }
    }
}
