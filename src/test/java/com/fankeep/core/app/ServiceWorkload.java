package com.fankeep.core.app;

import com.fankeep.core.bench.TaobaoExportGenerator;
import com.fankeep.core.db.Database;
import com.fankeep.core.followup.DoneResult;
import com.fankeep.core.followup.FollowUp;
import com.fankeep.core.followup.NewFollowUp;
import com.fankeep.core.importing.FileSummary;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.interaction.ContactMedium;
import com.fankeep.core.interaction.InteractionKind;
import com.fankeep.core.interaction.NewInteraction;
import com.fankeep.core.merge.MergeRequest;
import com.fankeep.core.merge.MergeResult;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Child process of {@link ServiceKillTest}: the owner's day through the real services (imports of generated exports,
 * customer edits, merges, follow-ups completed with an interaction), until it is killed. After each operation returns
 * it writes {@code ACK seq op ids…} to stdout and appends it to the ack file (page cache: survives SIGKILL of this
 * process). Not a test itself.
 *
 * <p>Args: {@code dataDir ackFile firstSeq seed importRows}. Operation {@code seq} is one of
 * <ul>
 *   <li>{@code import batchId orders}: a Taobao export of {@code importRows} new orders (numbers from seq × 10⁶);</li>
 *   <li>{@code edit customerId note}: the note set to {@code ke-seq};</li>
 *   <li>{@code merge mergeId survivorId mergedId}: two customers without a note merged;</li>
 *   <li>{@code done followUpId interactionId}: a follow-up scheduled, then completed with interaction {@code kd-seq}.</li>
 * </ul>
 * Edited customers (note {@code ke-…}) are never merged, so their note stays what the last edit set.
 */
public final class ServiceWorkload {

    static final String MUTATE_WRITE_DELAY = "fankeep.kill.mutateWriteDelay";

    private ServiceWorkload() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        try {
            run(out, Path.of(args[0]), Path.of(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]),
                    Integer.parseInt(args[4]));
        } catch (Throwable t) {
            t.printStackTrace();
            System.err.flush();
            Runtime.getRuntime().halt(2);
        }
    }

    private static void run(PrintStream out, Path dir, Path ackFile, long firstSeq, long seed, int rows) throws Exception {
        Database db = Database.open(dir);
        String mutant = System.getProperty(MUTATE_WRITE_DELAY);
        if (mutant != null) {
            // self-check of the test only: H2's default write delay back on; the kill test must then fail
            db.dsl().execute("SET WRITE_DELAY " + Integer.parseInt(mutant));
        }
        CoreServices services = CoreServices.over(db);
        Random random = new Random(seed);
        out.println("START " + firstSeq);
        out.flush();
        for (long seq = firstSeq; ; seq++) {
            List<Long> plain = ids(db, "select id from customer where merged_into_id is null and note is null "
                    + "order by id limit 200");
            int pick = random.nextInt(100);
            String ack;
            if (plain.size() < 2 || pick < 15) {
                ack = importFile(services, ackFile.resolveSibling("import-" + seq + ".csv"), seq, rows);
            } else if (pick < 45) {
                List<Long> live = ids(db, "select id from customer where merged_into_id is null order by id limit 500");
                long id = live.get(random.nextInt(live.size()));
                services.customers().setNote(id, "ke-" + seq);
                ack = "edit " + id + " ke-" + seq;
            } else if (pick < 65) {
                int i = random.nextInt(plain.size() - 1);
                long survivor = plain.get(i);
                long merged = plain.get(i + 1);
                MergeResult m = services.merges().merge(new MergeRequest(List.of(survivor, merged), survivor, Map.of()));
                ack = "merge " + m.mergeId() + " " + survivor + " " + merged;
            } else {
                ack = followUpDone(services, plain.get(random.nextInt(plain.size())), seq);
            }
            String line = "ACK " + seq + " " + ack;
            out.println(line);
            out.flush();
            Files.writeString(ackFile, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static String importFile(CoreServices services, Path file, long seq, int rows) throws Exception {
        TaobaoExportGenerator.write(file, rows, seq, seq * 1_000_000L);
        ImportSummary s = services.imports().importNow(new ImportRequest(List.of(file), null, null, ZoneId.of("Asia/Shanghai")),
                Progress.NONE, Cancellation.none());
        FileSummary f = s.files().getFirst();
        if (f.batchId() == null || f.newOrders() != rows) {
            throw new IllegalStateException("import of " + file.getFileName() + " did not add " + rows + " orders: " + f);
        }
        Files.delete(file);
        return "import " + f.batchId() + " " + f.newOrders();
    }

    private static String followUpDone(CoreServices services, long customerId, long seq) {
        FollowUp f = services.followUps().schedule(customerId, NewFollowUp.on("kf-" + seq, services.followUps().today()));
        DoneResult done = services.followUps().done(f.id(), new NewInteraction(customerId, InteractionKind.CALL,
                ContactMedium.PHONE, OffsetDateTime.now(), "kd-" + seq, null, false, false));
        return "done " + f.id() + " " + done.interaction().id();
    }

    private static List<Long> ids(Database db, String sql) {
        return db.dsl().fetch(sql).getValues(0, Long.class);
    }
}
