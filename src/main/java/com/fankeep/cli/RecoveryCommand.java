package com.fankeep.cli;

import com.fankeep.core.recovery.RecoveryCustomer;
import com.fankeep.core.recovery.RecoveryService;
import com.fankeep.core.recovery.RecoveryState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "recovery", mixinStandardHelpOptions = true,
        description = "Win back old customers: lapsed ones ranked by value, and their state (to_contact, contacted, added, active_again).",
        subcommands = {RecoveryCommand.ListState.class, RecoveryCommand.Move.class, RecoveryCommand.LapseDays.class})
final class RecoveryCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Customers in a state, most valuable first; without --state: counts per state and the lapsed ones.")
    static final class ListState implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--state", paramLabel = "STATE", description = "none (lapsed, not in the pipeline yet), to_contact, contacted, added, active_again")
        String state;

        @Option(names = "--limit", description = "at most this many (default ${DEFAULT-VALUE})")
        int limit = 50;

        @Mixin
        JsonOption json;

        private final CliContext context;

        ListState(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            RecoveryService recovery = context.services(RootOptions.dataDir(spec)).recovery();
            if (state == null) {
                var board = recovery.board(limit);
                if (json.on) {
                    context.out().println(Json.write(board));
                    return 0;
                }
                context.out().println(context.messages().get("cli.recovery.lapseDays", board.lapseDays()));
                for (RecoveryState s : RecoveryState.values()) {
                    context.out().println(context.messages().get("cli.recovery.count", s.code(), board.counts().get(s)));
                }
                print(board.columns().get(RecoveryState.NONE));
                return 0;
            }
            List<RecoveryCustomer> list = recovery.list(RecoveryState.of(state), limit, 0);
            if (json.on) {
                context.out().println(Json.write(list));
            } else {
                print(list);
            }
            return 0;
        }

        private void print(List<RecoveryCustomer> list) {
            for (RecoveryCustomer c : list) {
                context.out().println(context.messages().get("cli.recovery.row", c.id(), c.name() == null ? "-" : c.name(),
                        c.orderCount(), c.spendText(), c.lastOrderAt() == null ? "-" : c.lastOrderAt().toLocalDate().toString(),
                        c.state().code()));
            }
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true, description = "Moves customers to a state (none takes them out of the pipeline).")
    static final class Move implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID[,ID…]", description = "customer ids, comma-separated")
        String ids;

        @Parameters(index = "1", paramLabel = "STATE", description = "none, to_contact, contacted, added, active_again")
        String state;

        private final CliContext context;

        Move(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<Long> list = new ArrayList<>();
            for (String id : ids.split(",")) {
                list.add(Long.valueOf(id.strip()));
            }
            int moved = context.services(RootOptions.dataDir(spec)).recovery().move(list, RecoveryState.of(state));
            context.out().println(context.messages().get("cli.recovery.moved", moved, RecoveryState.of(state).code()));
            return 0;
        }
    }

    @Command(name = "lapse-days", mixinStandardHelpOptions = true, description = "Shows or sets after how many days without an order a customer is lapsed.")
    static final class LapseDays implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "DAYS", description = "the new number of days")
        Integer days;

        private final CliContext context;

        LapseDays(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            RecoveryService recovery = context.services(RootOptions.dataDir(spec)).recovery();
            if (days != null) {
                recovery.setLapseDays(days);
            }
            context.out().println(context.messages().get("cli.recovery.lapseDays", recovery.lapseDays()));
            return 0;
        }
    }
}
