package com.fankeep.cli;

import com.fankeep.core.group.AddResult;
import com.fankeep.core.group.FanGroup;
import com.fankeep.core.group.GroupException;
import com.fankeep.core.group.GroupKind;
import com.fankeep.core.group.GroupMember;
import com.fankeep.core.group.GroupService;
import com.fankeep.core.group.InviteCandidate;
import com.fankeep.core.group.NewGroup;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "group", mixinStandardHelpOptions = true,
        description = "Fan groups (WeChat, QQ, offline city circles, other): members, roles, capacity, eligibility and the invite list.",
        subcommands = {GroupCommand.Create.class, GroupCommand.ListGroups.class, GroupCommand.Add.class, GroupCommand.Remove.class,
                GroupCommand.Leave.class, GroupCommand.Role.class, GroupCommand.Members.class, GroupCommand.InviteList.class})
final class GroupCommand {

    /** What the subcommands share: the service, and group errors as a message with exit code 1. */
    abstract static class Base extends ServiceCommand {
        Base(CliContext context) {
            super(context);
        }

        GroupService groups() {
            return services().groups();
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a group.")
    static final class Create extends Base {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--kind", required = true, description = "wechat, qq, offline or other")
        String kind;

        @Option(names = "--capacity", paramLabel = "N",
                description = "most members (default: wechat 500, qq 500 — QQ levels hold 200/500/1000/2000/3000 —, others no limit)")
        Integer capacity;

        @Option(names = "--eligible", paramLabel = "SEGMENT", description = "a saved segment or a rule members should meet")
        String eligible;

        @Option(names = "--city", description = "an offline circle's city")
        String city;

        Create(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            FanGroup g = groups().create(new NewGroup(name, GroupKind.of(kind), capacity, eligible, city));
            context.out().println(context.messages().get("cli.group.created", g.name(), g.kind().code(),
                    g.capacity() == null ? "-" : g.capacity()));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the groups with their members and capacity.")
    static final class ListGroups extends Base {
        @Mixin
        JsonOption json;

        ListGroups(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            List<FanGroup> list = groups().list();
            return rowsOrJson(json.on, list, (FanGroup g) -> g.name() + "\t" + g.kind().code() + "\t" + g.members() + "/" + (g.capacity() == null ? "-" : g.capacity())
                    + (g.eligibleSegment() == null ? "" : "\t" + g.eligibleSegment()));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds customers to a group. Past the capacity: exit 1, nothing added.",
                    "Customers outside the group's eligibility segment need --yes (each is recorded as an exception)."})
    static final class Add extends Base {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "ID", description = "customer ids (space or comma separated)")
        List<String> ids = new ArrayList<>();

        @Option(names = "--segment", paramLabel = "SEGMENT", description = "everyone in a saved segment or rule (instead of ids)")
        String segment;

        @Option(names = "--yes", description = "add customers outside the eligibility segment too")
        boolean yes;

        Add(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            if ((segment == null) == ids.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give customer ids or --segment, not both");
            }
            GroupService s = groups();
            FanGroup g = s.find(name);
            AddResult r = segment != null ? s.addSegment(g.id(), segment, yes) : s.add(g.id(), ids(ids), yes);
            context.out().println(context.messages().get("cli.group.added", r.added().size(), g.name(), r.exceptions().size(),
                    r.already().size(), r.unknown().size()));
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes members (as if they never joined).")
    static final class Remove extends Base {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ID")
        List<String> ids;

        Remove(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            FanGroup g = groups().find(name);
            context.out().println(context.messages().get("cli.group.removed", groups().remove(g.id(), ids(ids)), g.name()));
            return 0;
        }
    }

    @Command(name = "leave", mixinStandardHelpOptions = true, description = "Marks members as having left today (kept, no longer counted).")
    static final class Leave extends Base {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ID")
        List<String> ids;

        Leave(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            FanGroup g = groups().find(name);
            context.out().println(context.messages().get("cli.group.left", groups().markLeft(g.id(), ids(ids)), g.name()));
            return 0;
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true, description = "Sets members' role: owner, admin or member.")
    static final class Role extends Base {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "ROLE")
        String role;

        @Parameters(index = "2..*", arity = "1..*", paramLabel = "ID")
        List<String> ids;

        Role(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            FanGroup g = groups().find(name);
            int n = groups().setRole(g.id(), ids(ids), com.fankeep.core.group.GroupRole.of(role));
            context.out().println(context.messages().get("cli.group.role", n, role));
            return 0;
        }
    }

    @Command(name = "members", mixinStandardHelpOptions = true, description = "A group's members: role, tier, last order, last interaction.")
    static final class Members extends Base {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--with-left", description = "also those who left")
        boolean withLeft;

        @Mixin
        JsonOption json;

        Members(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            List<GroupMember> list = groups().members(groups().find(name).id(), withLeft);
            return rowsOrJson(json.on, list, (GroupMember m) -> "#" + m.customerId() + "\t" + nz(m.name()) + "\t" + m.role().code() + "\t" + nz(m.tier()) + "\t"
                    + (m.lastOrderAt() == null ? "-" : m.lastOrderAt().toLocalDate()) + "\t"
                    + (m.lastInteractionAt() == null ? "-" : m.lastInteractionAt().toLocalDate())
                    + (m.leftAt() == null ? "" : "\tleft " + m.leftAt().toLocalDate())
                    + (m.eligibilityException() ? "\t(exception)" : ""));
        }
    }

    @Command(name = "invite-list", mixinStandardHelpOptions = true,
            description = "Who to invite: meets the eligibility segment, not in the group, not do-not-contact; most valuable first.")
    static final class InviteList extends Base {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--limit", description = "at most this many (default ${DEFAULT-VALUE})")
        int limit = 50;

        @Mixin
        JsonOption json;

        InviteList(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            List<InviteCandidate> list = groups().inviteList(groups().find(name).id(), limit);
            return rowsOrJson(json.on, list, (InviteCandidate c) -> "#" + c.customerId() + "\t" + nz(c.name()) + "\t" + nz(c.city()) + "\t" + nz(c.tier()) + "\t"
                    + c.orders() + "\t" + c.netSpend());
        }
    }

    static List<Long> ids(List<String> parts) {
        List<Long> out = new ArrayList<>();
        for (String p : parts) {
            for (String s : p.split(",")) {
                if (!s.isBlank()) {
                    try {
                        out.add(Long.valueOf(s.strip().replace("#", "")));
                    } catch (NumberFormatException e) {
                        throw new GroupException("group.error.id", "not a customer id: " + s, s);
                    }
                }
            }
        }
        return out;
    }

    static String nz(String s) {
        return s == null ? "-" : s;
    }
}
