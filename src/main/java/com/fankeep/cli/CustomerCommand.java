package com.fankeep.cli;

import com.fankeep.core.customer.Birthday;
import com.fankeep.core.customer.ContactChannel;
import com.fankeep.core.customer.CustomerFilter;
import com.fankeep.core.customer.CustomerPage;
import com.fankeep.core.customer.CustomerProfile;
import com.fankeep.core.customer.CustomerQuery;
import com.fankeep.core.customer.CustomerRow;
import com.fankeep.core.customer.CustomerService;
import com.fankeep.core.customer.CustomerSort;
import com.fankeep.core.customer.InvalidValueException;
import com.fankeep.core.customer.TimelineEntry;
import com.fankeep.core.customer.UndoneEdit;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "customer", mixinStandardHelpOptions = true,
        description = "Customers: list, show, search, edit, channels, tags, recovery state, undo, erase.",
        subcommands = {CustomerCommand.ListCustomers.class, CustomerCommand.Show.class, CustomerCommand.Search.class,
                CustomerCommand.Edit.class, CustomerCommand.Channel.class, CustomerCommand.Tag.class,
                CustomerCommand.Untag.class, CustomerCommand.State.class, CustomerCommand.Undo.class,
                CustomerEraseCommand.Erase.class})
final class CustomerCommand {

    private CustomerCommand() {
    }

    /** Shared by the subcommands: the service, and what a refused value prints. */
    abstract static class Base extends ServiceCommand {
        Base(CliContext context) {
            super(context);
        }

        CustomerService customers() {
            return services().customers();
        }

        int done(UndoneEdit edit) {
            if (edit.customerIds().isEmpty()) {
                context.out().println(context.messages().get("customers.cli.unchanged"));
            } else {
                context.out().println(context.messages().get("customers.cli.saved", edit.auditId(), edit.customerIds().size()));
            }
            return 0;
        }

        static List<Long> ids(String list) {
            try {
                return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
            } catch (NumberFormatException e) {
                throw new InvalidValueException("customer", "not a customer id list: " + list);
            }
        }
    }

    static String row(CustomerRow r) {
        return "#" + r.id() + "\t" + nz(r.name()) + "\t" + String.join("/", r.nicknames()) + "\t" + nz(r.city()) + "\t"
                + r.recoveryState() + "\t" + r.orderCount() + "\t" + money(r.spend()) + "\t"
                + (r.lastOrderAt() == null ? "-" : r.lastOrderAt().toLocalDate()) + "\t"
                + String.join(",", r.channels().stream().sorted().toList()) + "\t" + String.join(",", r.tags());
    }

    static String money(Map<String, BigDecimal> spend) {
        return spend.isEmpty() ? "-" : spend.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().toPlainString())
                .collect(Collectors.joining(" + "));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Customers, one page at a time (keyset), filtered and sorted.")
    static final class ListCustomers extends Base {
        @Option(names = "--city") String city;
        @Option(names = "--tag") String tag;
        @Option(names = "--platform", description = "taobao, jd, pinduoduo, youzan, douyin, shopify …") String platform;
        @Option(names = "--min-spend", description = "net spend in CNY at least") BigDecimal minSpend;
        @Option(names = "--max-spend") BigDecimal maxSpend;
        @Option(names = "--last-order-from", description = "YYYY-MM-DD") LocalDate from;
        @Option(names = "--last-order-to", description = "YYYY-MM-DD") LocalDate to;
        @Option(names = "--state", description = "recovery state: none, to_contact, contacted, added, active_again") String state;
        @Option(names = "--has-wechat", arity = "0..1", fallbackValue = "true") Boolean hasWechat;
        @Option(names = "--has-phone", arity = "0..1", fallbackValue = "true") Boolean hasPhone;
        @Option(names = "--sort", description = "id, name, nickname, city, tier, recovery_state, orders, net_spend, last_order, channels, tags (default id: newest first)") String sort = "id";
        @Option(names = "--asc", description = "ascending (default: descending)") boolean asc;
        @Option(names = "--limit", description = "at most this many (default 50)") int limit = 50;
        @Option(names = "--all", description = "every customer, page after page") boolean all;
        @Mixin
        JsonOption json;

        ListCustomers(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            CustomerSort s;
            try {
                s = CustomerSort.valueOf(sort.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("sort", sort);
            }
            CustomerFilter filter = new CustomerFilter(city, tag, platform, minSpend, maxSpend, from, to, state, hasWechat, hasPhone);
            CustomerQuery query = new CustomerQuery("", filter, s, !asc);
            List<CustomerRow> rows = new ArrayList<>();
            CustomerPage page = customers().page(query, null, all ? 1_000 : limit);
            print(page.rows(), rows);
            while (all && page.next() != null) {
                page = customers().page(query, page.next(), 1_000);
                print(page.rows(), rows);
            }
            if (json.on) {
                context.out().println(Json.write(rows));
            }
            return 0;
        }

        private void print(List<CustomerRow> page, List<CustomerRow> collect) {
            if (json.on) {
                collect.addAll(page);
            } else {
                page.forEach(r -> context.out().println(row(r)));
            }
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Search as in the app: name, pinyin, initials, phone digits, nicknames, WeChat/QQ ids, e-mail.")
    static final class Search extends Base {
        @Parameters(paramLabel = "TEXT") String text;
        @Option(names = "--limit") int limit = 20;
        @Mixin
        JsonOption json;

        Search(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            context.services(RootOptions.dataDir(spec)).search().build(Progress.NONE, Cancellation.none());
            List<CustomerRow> rows = customers().search(text, limit);
            if (json.on) {
                context.out().println(Json.write(rows));
            } else {
                rows.forEach(r -> context.out().println(row(r)));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One customer: figures, channels, tags, timeline.")
    static final class Show extends Base {
        @Parameters(paramLabel = "ID") long id;
        @Mixin
        JsonOption json;

        Show(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            Optional<CustomerProfile> found = customers().profile(id);
            if (found.isEmpty()) {
                throw new InvalidValueException("customer", "no customer " + id);
            }
            CustomerProfile p = found.get();
            if (json.on) {
                context.out().println(Json.write(p));
                return 0;
            }
            var out = context.out();
            out.println("#" + p.id() + " " + nz(p.name()) + (p.tier() == null ? "" : " [" + p.tier() + "]") + "  " + p.recoveryState());
            out.println("orders: " + p.orderCount() + "  spend: " + money(p.spend()) + "  first: " + date(p.firstOrderAt())
                    + "  last: " + date(p.lastOrderAt()));
            if (p.city() != null) {
                out.println("city: " + p.city());
            }
            if (p.birthday() != null) {
                out.println("birthday: " + p.birthday());
            }
            if (p.referredById() != null) {
                out.println("referred by: #" + p.referredById() + " " + nz(p.referredByName()));
            }
            if (p.doNotContact()) {
                out.println("do not contact" + (p.doNotContactReason() == null ? "" : ": " + p.doNotContactReason()));
            }
            if (!p.tags().isEmpty()) {
                out.println("tags: " + String.join(", ", p.tags()));
            }
            for (ContactChannel c : p.channels()) {
                out.println("  [" + c.id() + "] " + c.kind() + (c.platform() == null ? "" : ":" + c.platform()) + " " + c.value()
                        + (c.primary() ? " *" : "") + (c.kind().equals("nickname") ? "" : "  " + c.funnelState()));
            }
            if (p.note() != null) {
                out.println("note: " + p.note());
            }
            for (TimelineEntry e : p.timeline()) {
                out.println(date(e.at()) + "  " + e.kind() + "  " + e.title() + "  " + nz(e.status()) + "  " + nz(e.amount()));
                e.details().forEach(d -> out.println("      " + d));
            }
            return 0;
        }

        private static String date(java.time.OffsetDateTime t) {
            return t == null ? "-" : t.toLocalDate().toString();
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Changes fields of a customer; each change can be undone.")
    static final class Edit extends Base {
        @Parameters(paramLabel = "ID") long id;
        @Option(names = "--name") String name;
        @Option(names = "--birthday", description = "YYYY-MM-DD or MM-DD; empty to clear") String birthday;
        @Option(names = "--note", description = "empty to clear") String note;
        @Option(names = "--city") String city;
        @Option(names = "--referred-by", description = "another customer's id, or 'none'") String referredBy;
        @Option(names = "--do-not-contact", arity = "0..1", fallbackValue = "true") Boolean doNotContact;
        @Option(names = "--reason", description = "why not to contact") String reason;

        Edit(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            CustomerService s = customers();
            Birthday b = null;
            if (birthday != null) {
                try {
                    b = Birthday.parse(birthday);
                } catch (DateTimeException e) {
                    throw new InvalidValueException("birthday", birthday);
                }
            }
            List<UndoneEdit> edits = new ArrayList<>();
            if (name != null) {
                edits.add(s.rename(id, name));
            }
            if (birthday != null) {
                edits.add(s.setBirthday(id, b));
            }
            if (note != null) {
                edits.add(s.setNote(id, note));
            }
            if (city != null) {
                edits.add(s.setCity(id, city));
            }
            if (referredBy != null) {
                edits.add(s.setReferredBy(id, referredBy.equalsIgnoreCase("none") ? null : ids(referredBy).getFirst()));
            }
            if (doNotContact != null) {
                edits.add(s.setDoNotContact(id, doNotContact, reason));
            }
            if (edits.isEmpty()) {
                context.out().println(context.messages().get("customers.cli.unchanged"));
            }
            edits.forEach(this::done);
            return 0;
        }
    }

    @Command(name = "channel", mixinStandardHelpOptions = true,
            description = "Contact channels: add ID KIND VALUE | edit CHANNEL VALUE | remove CHANNEL | primary CHANNEL | funnel CHANNEL STATE")
    static final class Channel extends Base {
        @Parameters(index = "0", paramLabel = "ACTION", description = "add, edit, remove, primary, funnel") String action;
        @Parameters(index = "1", paramLabel = "ID", description = "customer id (add) or channel id (the others; see `customer show`)") long id;
        @Parameters(index = "2..*", paramLabel = "ARG", description = "add: KIND VALUE (phone, wechat, qq, weibo, douyin, email, address); edit: VALUE; funnel: known|exported|requested|connected")
        List<String> args = new ArrayList<>();

        Channel(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            CustomerService s = customers();
            return switch (action) {
                case "add" -> {
                    need(2);
                    yield done(s.addChannel(id, args.get(0), String.join(" ", args.subList(1, args.size()))));
                }
                case "edit" -> {
                    need(1);
                    yield done(s.editChannel(id, String.join(" ", args)));
                }
                case "remove" -> done(s.removeChannel(id));
                case "primary" -> done(s.makePrimary(id));
                case "funnel" -> {
                    need(1);
                    yield done(s.setFunnelState(id, args.getFirst()));
                }
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown action " + action);
            };
        }

        private void need(int n) {
            if (args.size() < n) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing arguments for " + action);
            }
        }
    }

    @Command(name = "tag", mixinStandardHelpOptions = true, description = "Adds tags to customers: ID[,ID…] TAG…")
    static final class Tag extends Base {
        @Parameters(index = "0", paramLabel = "IDS") String idList;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG") List<String> tags;

        Tag(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            tags.forEach(t -> done(customers().tag(ids(idList), t)));
            return 0;
        }
    }

    @Command(name = "untag", mixinStandardHelpOptions = true, description = "Removes tags from customers: ID[,ID…] TAG…")
    static final class Untag extends Base {
        @Parameters(index = "0", paramLabel = "IDS") String idList;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG") List<String> tags;

        Untag(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            tags.forEach(t -> done(customers().untag(ids(idList), t)));
            return 0;
        }
    }

    @Command(name = "state", mixinStandardHelpOptions = true,
            description = "Sets the recovery state: ID[,ID…] none|to_contact|contacted|added|active_again")
    static final class State extends Base {
        @Parameters(index = "0", paramLabel = "IDS") String idList;
        @Parameters(index = "1", paramLabel = "STATE") String state;

        State(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            return done(customers().setRecoveryState(ids(idList), state));
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true, description = "Takes the newest customer edit back.")
    static final class Undo extends Base {
        Undo(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            Optional<UndoneEdit> undone = customers().undoLast();
            if (undone.isEmpty()) {
                context.out().println(context.messages().get("customers.cli.nothingToUndo"));
                return Cli.FAILURE;
            }
            context.out().println(context.messages().get("customers.cli.undone", undone.get().auditId(), undone.get().kind()));
            return 0;
        }
    }
}
