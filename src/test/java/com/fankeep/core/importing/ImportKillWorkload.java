package com.fankeep.core.importing;

import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child of {@link ImportKillTest}: imports files through the real {@link ImportService} into a data folder and
 * says how far it is on stdout, so the test can kill it inside the import and knows what was acknowledged.
 * Lines: {@code STARTED}, {@code ROWS <per-mille read>}, {@code WRITTEN} (all rows in the open transaction),
 * {@code COMMITTING}, {@code ACK <batch ids>}. Mode {@code pieces} (the test's negative control) imports the file as
 * several smaller files, each committed on its own: an import that commits in pieces, which the test must catch.
 * Mode {@code bulk:STEP} takes the bulk path (ADR 0023) and stops at STEP — a progress message starting with it
 * ({@code copy}, a file name, {@code index}, {@code check}) or a swap step ({@code closing}, {@code next-key},
 * {@code swapped}, {@code key}) — saying {@code AT STEP} and waiting there to be killed; {@code bulk:} runs through.
 */
public final class ImportKillWorkload {

    private ImportKillWorkload() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dataDir = Path.of(args[1]);
        List<Path> files = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        try (Database db = Database.open(dataDir)) {
            ImportService service = new ImportService(db);
            say("STARTED");
            List<Long> batches = new ArrayList<>();
            if (mode.startsWith("bulk:")) {
                String stopAt = mode.substring("bulk:".length());
                service.bulkPolicy(BulkPolicy.ALWAYS).swapSteps(step -> stopIf(stopAt, step));
                ImportSession session = service.prepare(ImportRequest.of(files.toArray(Path[]::new)),
                        (done, total, message) -> {
                            say("ROWS " + done);
                            stopIf(stopAt, message);
                        }, Cancellation.none());
                say("WRITTEN");
                say("COMMITTING");
                session.commit().files().forEach(f -> batches.add(f.batchId()));
            } else if (mode.equals("whole")) {
                ImportSession session = service.prepare(ImportRequest.of(files.toArray(Path[]::new)),
                        (done, total, message) -> say("ROWS " + done), Cancellation.none());
                say("WRITTEN");
                say("COMMITTING");
                session.commit().files().forEach(f -> batches.add(f.batchId()));
            } else {
                for (Path piece : files) {
                    say("ROWS " + batches.size());
                    service.importNow(ImportRequest.of(piece), (d, t, m) -> { }, Cancellation.none()).files()
                            .forEach(f -> batches.add(f.batchId()));
                }
                say("COMMITTING");
            }
            say("ACK " + batches.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""));
        }
    }

    /** At the step the test kills at: says so and waits for the kill. */
    private static void stopIf(String stopAt, String step) {
        if (!stopAt.isEmpty() && step.startsWith(stopAt)) {
            say("AT " + stopAt);
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
