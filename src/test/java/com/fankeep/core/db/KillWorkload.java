package com.fankeep.core.db;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.IMPORT_BATCH;
import static com.fankeep.core.db.jooq.Tables.INTERACTION;
import static com.fankeep.core.db.jooq.Tables.SETTING;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/**
 * Child process of {@link KillDurabilityTest}: works against the real {@link Database#open} API and is killed with
 * SIGKILL at a random point. Not a test itself (surefire does not pick it up by name).
 *
 * <ul>
 *   <li>{@code app <dataDir> <batchEvery> <batchSize>}: endless loop of small transactions. Transaction {@code n}
 *       (numbered on from the last one committed in the folder) is either a single edit (one customer + one contact
 *       channel + one interaction) or, every {@code batchEvery}-th, an import-like batch (one import_batch row with
 *       {@code batchSize} customers, each with a contact channel). Every transaction also sets the setting
 *       {@value #SEQ_KEY} to {@code n}. After each commit returns it prints {@code ACK n} and flushes.</li>
 *   <li>{@code hold <dataDir>}: opens the database, prints {@code READY}, keeps it open until stdin reaches EOF,
 *       then closes it and prints {@code CLOSED}.</li>
 * </ul>
 */
public final class KillWorkload {

    static final String SEQ_KEY = "killtest.last_seq";
    /** Test self-check: {@code -Dfankeep.kill.mutateWriteDelay=500} makes the child undo the app's WRITE_DELAY=0. */
    static final String MUTATE_WRITE_DELAY = "fankeep.kill.mutateWriteDelay";
    static final String SINGLE_NOTE = "kw-single";
    static final String BATCH_NOTE = "kw-batch";

    private KillWorkload() {}

    /** Whether transaction {@code seq} is an import-like batch (otherwise a single edit). */
    static boolean isBatch(long seq, int batchEvery) {
        return batchEvery > 0 && seq % batchEvery == 0;
    }

    static String singleName(long seq) {
        return "kw-" + seq;
    }

    static String batchFileName(long seq) {
        return "kw-" + seq + ".csv";
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        try {
            switch (args[0]) {
                case "app" -> app(out, Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                case "hold" -> hold(out, Path.of(args[1]));
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        } catch (Throwable t) {
            t.printStackTrace();
            System.err.flush();
            Runtime.getRuntime().halt(2);
        }
    }

    /** The acknowledgement file beside the data folder: a second record of the last ACK besides stdout. */
    static Path ackFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".last-ack");
    }

    /** Overwrites the last ACK in place; it lives in the OS page cache, so it survives SIGKILL of this process. */
    private static void recordAck(java.io.RandomAccessFile ackFile, long n) {
        try {
            ackFile.seek(0);
            ackFile.writeLong(n);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void app(PrintStream out, Path dir, int batchEvery, int batchSize) throws IOException {
        Database db = Database.open(dir);
        java.io.RandomAccessFile ackFile = new java.io.RandomAccessFile(ackFile(dir).toFile(), "rw");
        String mutant = System.getProperty(MUTATE_WRITE_DELAY);
        if (mutant != null) {
            // self-check of the test only: simulate a Database without WRITE_DELAY=0; the kill test must then fail
            db.dsl().execute("SET WRITE_DELAY " + Integer.parseInt(mutant));
        }
        String last = db.dsl().select(SETTING.SETTING_VALUE).from(SETTING).where(SETTING.SETTING_KEY.eq(SEQ_KEY))
                .fetchOne(SETTING.SETTING_VALUE);
        long seq = last == null ? 0 : Long.parseLong(last);
        out.println("START " + (seq + 1));
        out.flush();
        while (true) {
            long n = ++seq;
            if (isBatch(n, batchEvery)) {
                db.transaction(ctx -> importBatch(ctx, n, batchSize));
            } else {
                db.transaction(ctx -> singleEdit(ctx, n));
            }
            // the commit has returned: acknowledge it, as the UI would show "saved"
            out.println("ACK " + n);
            out.flush();
            recordAck(ackFile, n);
        }
    }

    static void singleEdit(DSLContext ctx, long n) {
        long customerId = ctx.insertInto(CUSTOMER)
                .set(CUSTOMER.NAME, singleName(n))
                .set(CUSTOMER.NOTE, SINGLE_NOTE)
                .set(CUSTOMER.CITY, "杭州")
                .returningResult(CUSTOMER.ID).fetchOne().value1();
        ctx.insertInto(CONTACT_CHANNEL)
                .set(CONTACT_CHANNEL.CUSTOMER_ID, customerId)
                .set(CONTACT_CHANNEL.KIND, "phone")
                .set(CONTACT_CHANNEL.RAW_VALUE, String.format("+86 138 %08d", n % 100_000_000))
                .set(CONTACT_CHANNEL.NORMALIZED_VALUE, String.format("8613%09d", n % 1_000_000_000))
                .execute();
        ctx.insertInto(INTERACTION)
                .set(INTERACTION.CUSTOMER_ID, customerId)
                .set(INTERACTION.KIND, "note")
                .set(INTERACTION.CHANNEL, "other")
                .set(INTERACTION.OCCURRED_AT, OffsetDateTime.now())
                .set(INTERACTION.SUMMARY, singleName(n))
                .set(INTERACTION.BODY, "kill-test interaction " + n)
                .execute();
        setSeq(ctx, n);
    }

    private static void importBatch(DSLContext ctx, long n, int batchSize) {
        long batchId = ctx.insertInto(IMPORT_BATCH)
                .set(IMPORT_BATCH.FILE_NAME, batchFileName(n))
                .set(IMPORT_BATCH.FORMAT, "csv")
                .set(IMPORT_BATCH.STATUS, "committed")
                .set(IMPORT_BATCH.ROW_COUNT, batchSize)
                .set(IMPORT_BATCH.NEW_CUSTOMER_COUNT, batchSize)
                .returningResult(IMPORT_BATCH.ID).fetchOne().value1();
        for (int i = 0; i < batchSize; i++) {
            long customerId = ctx.insertInto(CUSTOMER)
                    .set(CUSTOMER.NAME, "kw-" + n + "-" + i)
                    .set(CUSTOMER.NOTE, BATCH_NOTE)
                    .set(CUSTOMER.CREATED_BATCH_ID, batchId)
                    .returningResult(CUSTOMER.ID).fetchOne().value1();
            ctx.insertInto(CONTACT_CHANNEL)
                    .set(CONTACT_CHANNEL.CUSTOMER_ID, customerId)
                    .set(CONTACT_CHANNEL.KIND, "wechat")
                    .set(CONTACT_CHANNEL.RAW_VALUE, "wx_kw_" + n + "_" + i)
                    .set(CONTACT_CHANNEL.IMPORT_BATCH_ID, batchId)
                    .execute();
        }
        setSeq(ctx, n);
    }

    private static void setSeq(DSLContext ctx, long n) {
        ctx.mergeInto(SETTING)
                .using(ctx.selectOne())
                .on(SETTING.SETTING_KEY.eq(SEQ_KEY))
                .whenMatchedThenUpdate().set(SETTING.SETTING_VALUE, Long.toString(n))
                .whenNotMatchedThenInsert(SETTING.SETTING_KEY, SETTING.SETTING_VALUE).values(SEQ_KEY, Long.toString(n))
                .execute();
    }

    private static void hold(PrintStream out, Path dir) throws IOException {
        Database db = Database.open(dir);
        db.transaction(ctx -> singleEdit(ctx, 1));
        out.println("READY");
        out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // wait for the parent to close our stdin
        }
        db.close();
        out.println("CLOSED");
        out.flush();
    }
}
