package com.fankeep.cli;

import com.fankeep.core.referral.ReferralNode;
import com.fankeep.core.referral.ReferralService;
import com.fankeep.core.referral.ReferralTree;
import com.fankeep.core.referral.TopReferrer;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "referral", mixinStandardHelpOptions = true,
        description = "Who referred whom: set or clear a customer's referrer (undo with `customer undo`), the tree, the top referrers.",
        subcommands = {ReferralCommand.Set.class, ReferralCommand.Clear.class, ReferralCommand.Top.class, ReferralCommand.Tree.class})
final class ReferralCommand {

    abstract static class Base extends ServiceCommand {
        Base(CliContext context) {
            super(context);
        }

        ReferralService referrals() {
            return services().referrals();
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = {"Customers ID,ID… were referred by customer --by ID "
            + "(also: --customers ID,ID… --referrer ID).", "A loop (A referred B, B referred A) is refused, naming both; nothing changes."})
    static final class Set extends Base {
        @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "customer ids, comma-separated")
        String ids;

        @Option(names = "--customers", paramLabel = "ID,ID", description = "customer ids, comma-separated (instead of ID)")
        String customers;

        @Option(names = {"--by", "--referrer"}, required = true, paramLabel = "ID", description = "the customer who referred them")
        long by;

        Set(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            List<String> given = new java.util.ArrayList<>();
            for (String s : new String[] {ids, customers}) {
                if (s != null && !s.isBlank()) {
                    given.add(s);
                }
            }
            if (given.isEmpty()) {
                context.err().println(messages().get("cli.referral.needCustomers"));
                return Cli.USAGE;
            }
            List<Long> list = GroupCommand.ids(given);
            referrals().setMany(list, by);
            context.out().println(context.messages().get("cli.referral.set", list.size(), by));
            return 0;
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Clears a customer's referrer.")
    static final class Clear extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        Clear(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            referrals().clear(id);
            context.out().println(context.messages().get("cli.referral.cleared", id));
            return 0;
        }
    }

    @Command(name = "top", mixinStandardHelpOptions = true, description = "Top referrers, best first.")
    static final class Top extends Base {
        @Option(names = "--by", description = "referred (customers referred, default) or spend (their net spend)")
        String by = "referred";

        @Option(names = "--limit", description = "at most this many (default ${DEFAULT-VALUE})")
        int limit = 20;

        @Option(names = "--json", description = "print JSON: [{\"id\", \"name\", \"referred\", \"referredSpend\": {currency: amount}}]")
        boolean json;

        Top(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            ReferralService.Rank rank = "spend".equalsIgnoreCase(by) ? ReferralService.Rank.SPEND : ReferralService.Rank.REFERRED;
            List<TopReferrer> list = referrals().top(limit, rank);
            return rowsOrJson(json, list.stream().map(r -> new TopJson(r.id(), r.name(), r.referred(),
                    new java.util.TreeMap<>(r.referredSpend()))).toList(), list,
                    (TopReferrer r) -> "#" + r.id() + "\t" + GroupCommand.nz(r.name()) + "\t" + r.referred() + "\t" + r.referredSpend());
        }
    }

    /** The JSON shape of `referral top` (no derived fields). */
    record TopJson(long id, String name, int referred, java.util.Map<String, java.math.BigDecimal> referredSpend) {
    }

    @Command(name = "tree", mixinStandardHelpOptions = true, description = "A customer's referrers (up) and the customers they referred (down).")
    static final class Tree extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Option(names = "--json", description = "print JSON: {\"up\": [...], \"down\": {id, name, referred, children}}")
        boolean json;

        Tree(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            ReferralTree t = referrals().tree(id);
            if (json) {
                context.out().println(Json.write(t));
                return 0;
            }
            List<ReferralNode> up = t.up();
            for (int i = up.size() - 1; i >= 0; i--) {
                context.out().println("↑ #" + up.get(i).id() + " " + GroupCommand.nz(up.get(i).name()));
            }
            print(t.down(), "");
            return 0;
        }

        private void print(ReferralNode n, String indent) {
            context.out().println(indent + "#" + n.id() + " " + GroupCommand.nz(n.name()) + " (" + n.referred() + ")");
            for (ReferralNode k : n.children()) {
                print(k, indent + "  ");
            }
        }
    }
}
