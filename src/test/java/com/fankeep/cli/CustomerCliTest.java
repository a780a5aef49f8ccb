package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.customer.CustomersFixture;
import com.fankeep.testing.InProcessCli;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The customer commands through the CLI in this JVM (the real entry point: CliEndToEndTest): list, search, show, edit, channels, tags, state, undo. */
class CustomerCliTest {


    @TempDir
    Path temp;

    @Test
    void customersAreListedFoundEditedTaggedAndEditsUndone() throws Exception {
        String dir = temp.resolve("shop").toString();
        Path sheet = CustomersFixture.writeSheet(temp.resolve("in"));
        assertThat(InProcessCli.exec("import", sheet.toString(), "--data-dir", dir).code()).isZero();

        InProcessCli.Run list = InProcessCli.exec("customer", "list", "--sort", "name", "--asc", "--json", "--data-dir", dir);
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("\"name\":\"张三\"").contains("\"name\":\"曾强\"");

        InProcessCli.Run hz = InProcessCli.exec("customer", "list", "--city", "杭州", "--data-dir", dir);
        assertThat(hz.out().lines().count()).isEqualTo(2);

        InProcessCli.Run search = InProcessCli.exec("customer", "search", "zs", "--data-dir", dir);
        assertThat(search.code()).as(search.err()).isZero();
        assertThat(search.out()).contains("张三");
        long id = idIn(search.out().lines().filter(l -> l.contains("张三")).findFirst().orElseThrow());

        InProcessCli.Run badPhone = InProcessCli.exec("customer", "channel", "add", String.valueOf(id), "phone", "12ab", "--data-dir", dir);
        assertThat(badPhone.code()).isEqualTo(Cli.FAILURE);
        assertThat(badPhone.err()).contains("Not a phone number");

        assertThat(InProcessCli.exec("customer", "channel", "add", String.valueOf(id), "wechat", "zhangsan_wx", "--data-dir", dir)
                .code()).isZero();
        assertThat(InProcessCli.exec("customer", "edit", String.valueOf(id), "--birthday", "1990-05-17", "--note", "爱喝茶",
                "--data-dir", dir).code()).isZero();
        assertThat(InProcessCli.exec("customer", "tag", String.valueOf(id), "铁粉", "--data-dir", dir).code()).isZero();
        assertThat(InProcessCli.exec("customer", "state", String.valueOf(id), "to_contact", "--data-dir", dir).code()).isZero();

        InProcessCli.Run show = InProcessCli.exec("customer", "show", String.valueOf(id), "--data-dir", dir);
        assertThat(show.out()).contains("zhangsan_wx").contains("birthday: 1990-05-17").contains("note: 爱喝茶")
                .contains("tags: 铁粉").contains("to_contact");
        assertThat(InProcessCli.exec("customer", "search", "zhangsan_w", "--data-dir", dir).out()).contains("张三");
        assertThat(InProcessCli.exec("customer", "list", "--tag", "铁粉", "--state", "to_contact", "--json", "--data-dir", dir).out())
                .contains("张三");

        for (int i = 0; i < 4; i++) {
            InProcessCli.Run undo = InProcessCli.exec("customer", "undo", "--data-dir", dir);
            assertThat(undo.code()).as(undo.out() + undo.err()).isZero();
        }
        InProcessCli.Run after = InProcessCli.exec("customer", "show", String.valueOf(id), "--json", "--data-dir", dir);
        assertThat(after.out()).contains("\"note\":null").contains("\"birthday\":null").contains("\"tags\":[]")
                .contains("\"recoveryState\":\"none\"").contains("zhangsan_wx");
        assertThat(InProcessCli.exec("customer", "undo", "--data-dir", dir).code()).isZero();
        assertThat(InProcessCli.exec("customer", "show", String.valueOf(id), "--data-dir", dir).out()).doesNotContain("zhangsan_wx");
        InProcessCli.Run none = InProcessCli.exec("customer", "undo", "--data-dir", dir);
        assertThat(none.code()).isEqualTo(Cli.FAILURE);
        assertThat(none.out()).contains("No customer edit to undo");
    }

    private static long idIn(String line) {
        Matcher m = Pattern.compile("#(\\d+)").matcher(line);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** A failing command's log holds the command and its option names, never the values (a name, an address). */
    @Test
    void aFailedEditLogsNoNameOrAddress() throws Exception {
        String dir = temp.resolve("shop").toString();
        Path sheet = CustomersFixture.writeSheet(temp.resolve("in"));
        assertThat(InProcessCli.exec("import", sheet.toString(), "--data-dir", dir).code()).isZero();
        String nameAndAddress = "张三丰住上海市浦东新区世纪大道100号" + "长".repeat(300); // too long for the column: an H2 error

        InProcessCli.Run edit = InProcessCli.exec("customer", "edit", "1", "--name", nameAndAddress, "--data-dir", dir);

        assertThat(edit.code()).isEqualTo(Cli.FAILURE);
        String log;
        try (var files = java.nio.file.Files.list(Path.of(dir, "logs"))) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.toList()) {
                all.append(java.nio.file.Files.readString(f));
            }
            log = all.toString();
        }
        assertThat(log).contains("command failed: customer edit [--name]").contains("Value too long")
                .doesNotContain("三丰", "上海", "浦东", "世纪大道", "100号", "5f20", "4e09");
    }
}
