package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fankeep.core.db.Database;
import com.fankeep.core.integrity.IntegrityService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Folders;
import com.fankeep.core.shared.Progress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jooq.impl.DSL;

/**
 * The damaged-file property shared by {@link MutatedFileProperties} and {@link FuzzRunTest}: a golden file mutated
 * (truncated, bytes flipped, a column dropped, the wrong encoding, junk in front) is refused with a reason or imported
 * with problems, within 30 s, the data imported before stays as it was, and what was imported passes the full
 * integrity check.
 */
final class MutatedFiles implements AutoCloseable {

    static final List<Path> SOURCES = List.of(
            Path.of("sample-data/shopify/orders_export_1.csv"), Path.of("sample-data/jd/jd_orders_20240315.csv"),
            Path.of("sample-data/pinduoduo/orders_export2024-03-15-10-00-00.csv"), Path.of("sample-data/douyin/1710468000_new.csv"),
            Path.of("sample-data/ebay/eBay-OrdersReport-Mar-15-2024.csv"), Path.of("sample-data/contacts/android_contacts_vcard21.vcf"),
            Path.of("sample-data/spreadsheet/老客户名单.xlsx"), Path.of("sample-data/youzan/youzan_orders_20240315.csv"));
    static final List<String> KINDS = List.of("truncate", "flip", "dropColumn", "reencode", "junkHead");

    /** What is done to which file: printed with the seed when a try fails, enough to make the file again. */
    record Mutation(Path source, String kind, int position, int amount) {

        static Mutation draw(RandomGenerator r) {
            return new Mutation(SOURCES.get(r.nextInt(SOURCES.size())), KINDS.get(r.nextInt(KINDS.size())),
                    r.nextInt(0, Integer.MAX_VALUE), r.nextInt(1, 41));
        }
    }

    private final Path dir;
    private final Database db;
    private final ImportService service;
    private final String taobaoBefore;
    int imported;
    int refused;

    MutatedFiles() throws Exception {
        dir = Files.createTempDirectory("fankeep-fuzz");
        db = Database.open(dir.resolve("data"));
        service = new ImportService(db);
        service.importNow(ImportRequest.of(TaobaoImportTest.ORDERS, TaobaoImportTest.DETAILS), Progress.NONE, Cancellation.none());
        taobaoBefore = taobaoFingerprint();
    }

    @Override
    public void close() throws Exception {
        db.close();
        Folders.deleteTree(dir);
    }

    void check(Mutation m) throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> importDamaged(m), () -> m + " took more than 30 s");
    }

    private void importDamaged(Mutation m) throws Exception {
        byte[] original = Files.readAllBytes(m.source());
        Path damaged = dir.resolve("damaged-" + m.source().getFileName());
        Files.write(damaged, mutate(original, m));

        ImportSummary s = service.importNow(ImportRequest.of(damaged), Progress.NONE, Cancellation.none());

        assertThat(s.files()).hasSize(1);
        FileSummary f = s.files().get(0);
        if (f.refusal() != null) {
            assertThat(f.refusal()).as("a refusal names the file or what is wrong").isNotBlank();
            assertThat(f.batchId()).isNull();
            refused++;
        } else {
            imported++;
        }
        assertThat(s.firstProblems()).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(damaged.getFileName().toString());
            assertThat(p.code()).isNotBlank();
        });
        assertThat(taobaoFingerprint()).as("%s: the Taobao data imported before is untouched", m).isEqualTo(taobaoBefore);
        if (f.batchId() != null) {
            assertThat(new IntegrityService(db).check().problems()).as("%s: integrity after the import", m).isEmpty();
        }
        Files.delete(damaged);
    }

    private static byte[] mutate(byte[] b, Mutation m) {
        int pos = b.length == 0 ? 0 : m.position() % b.length;
        switch (m.kind()) {
            case "truncate":
                return Arrays.copyOf(b, pos);
            case "flip": {
                byte[] out = b.clone();
                for (int i = 0; i < m.amount() && out.length > 0; i++) {
                    int at = (int) ((pos + (long) i * 7919) % out.length);
                    out[at] = (byte) (out[at] ^ (1 << (i % 8)));
                }
                return out;
            }
            case "dropColumn": {
                String text = new String(b, StandardCharsets.ISO_8859_1);
                StringBuilder sb = new StringBuilder();
                for (String line : text.split("\n", -1)) {
                    String[] cells = line.split(",", -1);
                    int drop = cells.length == 0 ? 0 : m.amount() % cells.length;
                    for (int i = 0; i < cells.length; i++) {
                        if (i != drop) {
                            sb.append(cells[i]).append(i + 1 < cells.length ? "," : "");
                        }
                    }
                    sb.append('\n');
                }
                return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
            }
            case "reencode": {
                // read as UTF-8 and write as GBK (or the other way): what a careless "save as" does
                Charset gbk = Charset.forName("GBK");
                String asUtf8 = new String(b, StandardCharsets.UTF_8);
                return m.amount() % 2 == 0 ? asUtf8.getBytes(gbk) : new String(b, gbk).getBytes(StandardCharsets.UTF_8);
            }
            default: {
                byte[] out = new byte[b.length + m.amount()];
                for (int i = 0; i < m.amount(); i++) {
                    out[i] = (byte) (i * 37 + m.position());
                }
                System.arraycopy(b, 0, out, m.amount(), b.length);
                return out;
            }
        }
    }

    private String taobaoFingerprint() {
        var d = db.dsl();
        return d.fetchCount(SHOP_ORDER, SHOP_ORDER.PLATFORM.eq("taobao")) + "/"
                + d.select(DSL.sum(SHOP_ORDER.PAID_AMOUNT), DSL.sum(SHOP_ORDER.REFUNDED_AMOUNT), DSL.groupConcat(SHOP_ORDER.STATUS).orderBy(SHOP_ORDER.ID))
                        .from(SHOP_ORDER).where(SHOP_ORDER.PLATFORM.eq("taobao")).fetchOne() + "/"
                + d.fetchCount(ORDER_LINE.join(SHOP_ORDER).on(SHOP_ORDER.ID.eq(ORDER_LINE.ORDER_ID)), SHOP_ORDER.PLATFORM.eq("taobao")) + "/"
                + d.select(DSL.groupConcat(CUSTOMER.NAME).orderBy(CUSTOMER.ID)).from(CUSTOMER).where(CUSTOMER.ID.in(
                        d.select(SHOP_ORDER.CUSTOMER_ID).from(SHOP_ORDER).where(SHOP_ORDER.PLATFORM.eq("taobao")))).fetchOne(0, String.class);
    }
}
