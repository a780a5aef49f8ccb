package com.fankeep.cli;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.EXPORT_LOG;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.testing.InProcessCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `duplicates`, `merge`, `recovery` and `export customers` end to end on the sample shop, in this JVM. */
class MergeRecoveryCliTest {


    @TempDir
    Path temp;

    private InProcessCli.Run run(String dir, String... args) throws Exception {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dir;
        InProcessCli.Run r = InProcessCli.exec(all);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r;
    }

    @Test
    void duplicatesMergeUndoRecoveryAndExport() throws Exception {
        String dir = temp.resolve("shop").toString();
        run(dir, "sample", "load");

        InProcessCli.Run list = run(dir, "duplicates", "list");
        assertThat(list.out()).contains("Same phone: mobile +86138");
        Matcher pair = Pattern.compile("#(\\d+) .*? and #(\\d+) ").matcher(list.out());
        assertThat(pair.find()).isTrue();
        String a = pair.group(1);
        String b = pair.group(2);
        assertThat(pair.find()).isTrue();
        String c = pair.group(1);
        String d = pair.group(2);

        assertThat(run(dir, "duplicates", "dismiss", c, d).out()).contains("not the same person");
        assertThat(run(dir, "duplicates", "scan").out()).contains("possible duplicate pairs found");
        assertThat(run(dir, "duplicates", "list").out()).doesNotContain("#" + c + " ").contains("#" + a + " ");

        InProcessCli.Run merged = run(dir, "merge", a, b, "--keep", a, "--take", "note=" + b);
        assertThat(merged.out()).contains("note: from #" + b).contains("merged into #" + a);
        Matcher id = Pattern.compile("Merge #(\\d+):").matcher(merged.out());
        assertThat(id.find()).isTrue();
        try (Database db = Database.open(Path.of(dir))) {
            assertThat(db.dsl().fetchValue(CUSTOMER.MERGED_INTO_ID, CUSTOMER.ID.eq(Long.valueOf(b)))).isEqualTo(Long.valueOf(a));
            assertThat(db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.CUSTOMER_ID.eq(Long.valueOf(b)))).isZero();
        }
        assertThat(run(dir, "merge", "history").out()).contains("Merge #" + id.group(1));
        assertThat(run(dir, "merge", "undo", id.group(1)).out()).contains("undone");
        try (Database db = Database.open(Path.of(dir))) {
            assertThat(db.dsl().fetchValue(CUSTOMER.MERGED_INTO_ID, CUSTOMER.ID.eq(Long.valueOf(b)))).isNull();
        }
        InProcessCli.Run bad = InProcessCli.exec("merge", a, "--data-dir", dir);
        assertThat(bad.code()).isEqualTo(Cli.USAGE);

        assertThat(run(dir, "recovery", "lapse-days", "30").out()).contains("30 days");
        InProcessCli.Run lapsed = run(dir, "recovery", "list");
        assertThat(lapsed.out()).contains("none: ").contains("to_contact: 0");
        Matcher first = Pattern.compile("#(\\d+) .*: \\d+ orders").matcher(lapsed.out());
        assertThat(first.find()).isTrue();
        assertThat(run(dir, "recovery", "move", first.group(1), "to_contact").out()).contains("1 customers moved to to_contact");
        assertThat(run(dir, "recovery", "list", "--state", "to_contact").out()).contains("#" + first.group(1) + " ");

        Path csv = temp.resolve("out/to-contact.csv");
        assertThat(run(dir, "export", "customers", "--format", "csv", "--filter", "state=to_contact", "--mask-phones",
                "--out", csv.toString()).out()).contains("Exported 1 customers to 1 file(s)");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").contains("****").hasLineCount(2);
        Path vcf = temp.resolve("out/all.vcf");
        assertThat(run(dir, "export", "customers", "--format", "vcf", "--batch-size", "20", "--out", vcf.toString()).out())
                .contains("all-01.vcf").contains("without a phone number were left out");
        try (Database db = Database.open(Path.of(dir))) {
            assertThat(db.dsl().fetchCount(EXPORT_LOG)).isEqualTo(2);
        }
        assertThat(InProcessCli.exec("export", "customers", "--format", "pdf", "--data-dir", dir).code()).isNotZero();
    }
}
