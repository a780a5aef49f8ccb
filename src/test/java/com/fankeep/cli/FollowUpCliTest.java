package com.fankeep.cli;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.EXPORT_LOG;
import static com.fankeep.core.db.jooq.Tables.FOLLOW_UP;
import static com.fankeep.core.db.jooq.Tables.INTERACTION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.followup.IcsWriterTest;
import com.fankeep.testing.InProcessCli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** interaction, followup and template commands through the CLI in this JVM (the real entry point: CliEndToEndTest), checked in the database they leave. */
class FollowUpCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private InProcessCli.Run run(Path dir, String... args) throws Exception {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dir.toString();
        return InProcessCli.exec(all);
    }

    private static long customer(Path dir, String name) {
        try (Database db = Database.open(dir)) {
            return db.transactionResult(dsl -> dsl.insertInto(CUSTOMER).set(CUSTOMER.NAME, name).returning(CUSTOMER.ID).fetchOne().getId());
        }
    }

    @Test
    void logListScheduleDueDoneAndExportAFollowUp() throws Exception {
        Path dir = temp.resolve("shop");
        long id = customer(dir, "陈静");

        InProcessCli.Run add = run(dir, "interaction", "add", "--customer", "" + id, "--kind", "call", "--channel", "phone",
                "--summary", "问了茶壶的事, and more");
        assertThat(add.code()).as(add.err()).isZero();
        InProcessCli.Run list = run(dir, "interaction", "list", "--customer", "" + id, "--json");
        assertThat(list.code()).as(list.err()).isZero();
        JsonNode items = JSON.readTree(list.out());
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("summary").asText()).isEqualTo("问了茶壶的事, and more");
        assertThat(items.get(0).get("kind").asText()).isEqualTo("call");

        InProcessCli.Run schedule = run(dir, "followup", "add", "--customer", "" + id, "--title", "月度回访",
                "--due", "2024-01-31", "--unit", "month", "--every", "1", "--channel", "wechat");
        assertThat(schedule.code()).as(schedule.err()).isZero();
        InProcessCli.Run due = run(dir, "followup", "due", "--date", "2024-01-31", "--json");
        assertThat(due.code()).as(due.err()).isZero();
        JsonNode agenda = JSON.readTree(due.out());
        assertThat(agenda.get("today")).hasSize(1);
        assertThat(agenda.get("overdue")).isEmpty();
        long followUp = agenda.get("today").get(0).get("id").asLong();
        assertThat(agenda.get("today").get(0).get("customer").asText()).isEqualTo("陈静");
        assertThat(JSON.readTree(run(dir, "followup", "due", "--date", "2024-02-02", "--json").out()).get("overdue")).hasSize(1);

        InProcessCli.Run done = run(dir, "followup", "done", "" + followUp, "--summary", "发了微信",
                "--at", "2024-02-01T09:00+08:00");
        assertThat(done.code()).as(done.err()).isZero();
        assertThat(done.out()).contains("Follow-up " + followUp + " done").contains("due 2024-02-29");

        Path ics = temp.resolve("followups.ics");
        InProcessCli.Run export = run(dir, "followup", "export-ics", "--out", ics.toString());
        assertThat(export.code()).as(export.err()).isZero();
        List<Map<String, String>> events = IcsWriterTest.parse(Files.readString(ics));
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().get("DTSTART;VALUE=DATE")).isEqualTo("20240229");
        assertThat(events.getFirst().get("SUMMARY")).isEqualTo("陈静 · 月度回访");

        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetch(INTERACTION).getValues(INTERACTION.SUMMARY)).containsExactlyInAnyOrder("问了茶壶的事, and more", "发了微信");
            assertThat(db.dsl().fetch(FOLLOW_UP).getValues(FOLLOW_UP.STATUS)).containsExactlyInAnyOrder("done", "open");
            assertThat(db.dsl().fetch(FOLLOW_UP, FOLLOW_UP.STATUS.eq("open")).getValues(FOLLOW_UP.DUE_DATE))
                    .containsExactly(LocalDate.of(2024, 2, 29));
            assertThat(db.dsl().fetchCount(EXPORT_LOG, EXPORT_LOG.KIND.eq("icalendar"))).isOne();
        }
    }

    @Test
    void templatesAreListedAndPreviewedWithAWarningForMissingValuesAndBadInputFails() throws Exception {
        Path dir = temp.resolve("shop");
        long id = customer(dir, "陈静");

        InProcessCli.Run list = run(dir, "template", "list", "--locale", "zh_CN", "--json");
        assertThat(list.code()).as(list.err()).isZero();
        JsonNode templates = JSON.readTree(list.out());
        assertThat(templates).hasSize(5);
        long shipping = 0;
        for (JsonNode t : templates) {
            if (t.get("code").asText().equals("shipping_notice")) {
                shipping = t.get("id").asLong();
            }
        }
        InProcessCli.Run preview = run(dir, "template", "preview", "" + shipping, "--customer", "" + id);
        assertThat(preview.code()).as(preview.err()).isZero();
        assertThat(preview.out()).startsWith("陈静您好！").doesNotContain("{").doesNotContain("}");
        assertThat(preview.err()).contains("tracking_no").contains("shop_name");

        InProcessCli.Run add = run(dir, "interaction", "add", "--customer", "" + id, "--kind", "note", "--channel", "other", "--summary", "first");
        assertThat(add.code()).as(add.err()).isZero();
        long interaction;
        try (Database db = Database.open(dir)) {
            interaction = db.dsl().fetchOne(INTERACTION).getId();
        }
        InProcessCli.Run edit = run(dir, "interaction", "edit", "" + interaction, "--summary", "second");
        assertThat(edit.code()).as(edit.err()).isZero();
        String undoId = edit.out().replaceAll("(?s).*interaction undo (\\d+).*", "$1");
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchOne(INTERACTION).getSummary()).isEqualTo("second");
        }
        InProcessCli.Run undo = run(dir, "interaction", "undo", undoId);
        assertThat(undo.code()).as(undo.err()).isZero();
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchOne(INTERACTION).getSummary()).isEqualTo("first");
        }

        InProcessCli.Run badKind = run(dir, "interaction", "add", "--customer", "" + id, "--kind", "fax", "--channel", "phone", "--summary", "x");
        assertThat(badKind.code()).isEqualTo(Cli.FAILURE);
        assertThat(badKind.err()).contains("unknown interaction kind 'fax'");
        InProcessCli.Run missing = run(dir, "followup", "done", "999");
        assertThat(missing.code()).isEqualTo(Cli.FAILURE);
        assertThat(missing.err()).contains("no follow-up 999");
    }
}
