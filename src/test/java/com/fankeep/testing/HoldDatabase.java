package com.fankeep.testing;

import com.fankeep.core.db.Database;
import java.nio.file.Path;

/** Child-process helper: opens the database of a data folder, says READY, and holds it until stdin closes. */
public final class HoldDatabase {

    private HoldDatabase() {
    }

    public static void main(String[] args) throws Exception {
        com.fankeep.core.shared.Logging.quietConsole();
        try (Database ignored = Database.open(Path.of(args[0]))) {
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the parent to close our stdin
            }
        }
    }
}
