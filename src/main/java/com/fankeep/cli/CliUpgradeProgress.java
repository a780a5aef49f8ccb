package com.fankeep.cli;

import com.fankeep.core.db.UpgradeProgress;
import com.fankeep.core.shared.Messages;
import java.io.PrintWriter;

/**
 * What a command that opens older data tells stderr while it updates it (ADR 0048): one line first, so a long update
 * never looks hung; on a terminal also the backup and each migration, a step's percentage rewritten in place.
 * Nothing is printed when nothing is updated, so a command's output stays as it was.
 */
final class CliUpgradeProgress implements UpgradeProgress {

    private final PrintWriter err;
    private final Messages messages;
    private final boolean terminal;
    private int percent = -1;
    private String line = "";

    CliUpgradeProgress(PrintWriter err, Messages messages, boolean terminal) {
        this.err = err;
        this.messages = messages;
        this.terminal = terminal;
    }

    @Override
    public void updating(javax.sql.DataSource current, int pending) {
        err.println(messages.get("upgrade.cli.start"));
        err.flush();
    }

    @Override
    public void backingUp() {
        if (terminal) {
            err.println(messages.get("upgrade.cli.backup"));
            err.flush();
        }
    }

    @Override
    public void migration(int index, int total, String version, String description) {
        if (terminal) {
            endLine();
            line = messages.get("upgrade.cli.step", index, total);
            percent = -1;
            err.print(line);
            err.flush();
        }
    }

    @Override
    public void step(long done, long total) {
        int p = total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        if (terminal && p != percent) {
            percent = p;
            err.print("\r" + line + " " + p + "%");
            err.flush();
        }
    }

    /** Ends the line of the last step (a terminal only). */
    void endLine() {
        if (terminal && !line.isEmpty()) {
            err.println();
            err.flush();
            line = "";
        }
    }
}
