package com.fankeep.cli;

import com.fankeep.core.shared.Messages;
import com.fankeep.core.unassigned.AssignResult;
import com.fankeep.core.unassigned.BuyerGroup;
import com.fankeep.core.unassigned.Evidence;
import com.fankeep.core.unassigned.Suggestion;
import com.fankeep.core.unassigned.UnassignedOrder;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "orders", mixinStandardHelpOptions = true,
        description = {"Orders stored without a customer because the platform masked the buyer (孙*, 189****1011, encrypted receivers):",
                "review them with the customers who may be them, attach them to one, take that back."},
        subcommands = {OrdersCommand.Unassigned.class, OrdersCommand.Assign.class, OrdersCommand.UndoAssign.class})
final class OrdersCommand {

    static String evidence(Messages m, List<Evidence> list) {
        return Evidence.text(m, list);
    }

    @Command(name = "unassigned", mixinStandardHelpOptions = true,
            description = "Unidentified buyers (same masked phone, surname and address = one buyer), their orders and suggestions.")
    static final class Unassigned extends ServiceCommand {

        @Option(names = "--json", description = "print JSON: [{key, name, phone, place, orders: […], suggestions: [{customerId, strength, evidence}]}]")
        boolean json;

        Unassigned(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            List<BuyerGroup> groups = services().unassignedOrders().groups();
            if (json) {
                context.out().println(Json.write(groups));
                return Cli.OK;
            }
            Messages m = messages();
            int orders = groups.stream().mapToInt(g -> g.orders().size()).sum();
            context.out().println(m.get("orders.unassigned.total", orders, groups.size()));
            for (BuyerGroup g : groups) {
                context.out().println(m.get("orders.unassigned.buyer", dash(g.name()), dash(g.phone()), dash(g.place()), g.orders().size()));
                for (UnassignedOrder o : g.orders()) {
                    context.out().println("    " + o.platform() + ":" + o.orderNo() + "  " + (o.orderedAt() == null ? "" : o.orderedAt().toLocalDate())
                            + "  " + (o.total() == null ? "" : o.total().toPlainString() + " " + o.currency()));
                }
                for (Suggestion s : g.suggestions()) {
                    context.out().println(m.get("orders.unassigned.suggestion", Long.toString(s.customerId()), dash(s.name()), s.strength(),
                            evidence(m, s.evidence())));
                }
            }
            return Cli.OK;
        }

        private static String dash(String s) {
            return s == null || s.isBlank() ? "-" : s;
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = {"Attaches orders without a customer, with every other order of the same unidentified buyer, to a customer.",
                    "Undo with `orders undo-assign`."})
    static final class Assign extends ServiceCommand {

        @Parameters(arity = "1..*", paramLabel = "ORDER", description = "order numbers (platform:number when two platforms share one)")
        List<String> orders;

        @Option(names = "--to", paramLabel = "CUSTOMER", description = "the customer's id")
        Long customer;

        @Option(names = "--new-customer", description = "make a new customer for this buyer instead (--name, --phone)")
        boolean newCustomer;

        @Option(names = "--name", paramLabel = "NAME", description = "the new customer's name (default: the receiver as the export shows it)")
        String name;

        @Option(names = "--phone", paramLabel = "PHONE", description = "the new customer's phone, if you know it")
        String phone;

        Assign(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            if ((customer == null) == !newCustomer || (!newCustomer && (name != null || phone != null))) {
                context.err().println(messages().get("orders.unassigned.toOrNew"));
                return Cli.FAILURE;
            }
            if (newCustomer) {
                AssignResult r = services().unassignedOrders().assignToNewCustomer(orders, name, phone);
                context.out().println(messages().get("orders.unassigned.made", r.orderNos().size(), Long.toString(r.customerId()),
                        messages().list(r.orderNos()), Long.toString(r.auditId()), r.customerName()));
                return Cli.OK;
            }
            AssignResult r = services().unassignedOrders().assign(orders, customer);
            context.out().println(messages().get("orders.unassigned.assigned", r.orderNos().size(), Long.toString(r.customerId()),
                    messages().list(r.orderNos()), Long.toString(r.auditId())));
            return Cli.OK;
        }
    }

    @Command(name = "undo-assign", mixinStandardHelpOptions = true, description = "Takes an assignment back (the newest without ID).")
    static final class UndoAssign extends ServiceCommand {

        @Parameters(arity = "0..1", paramLabel = "ID", description = "the assignment's number, as `orders assign` printed it")
        Long id;

        UndoAssign(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            var service = services().unassignedOrders();
            Optional<AssignResult> r = id == null ? service.undoLast() : Optional.of(service.undo(id));
            if (r.isEmpty()) {
                context.out().println(messages().get("orders.unassigned.nothingToUndo"));
                return Cli.OK;
            }
            context.out().println(messages().get("orders.unassigned.undone", r.get().orderNos().size(),
                    Long.toString(r.get().customerId())));
            return Cli.OK;
        }
    }
}
