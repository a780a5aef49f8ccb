package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.testing.InProcessCli;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segment commands in this JVM, over the sample shop: count, errors, save, list, members, delete. */
class SegmentCliTest {


    @TempDir
    Path temp;

    @Test
    void segmentsAreCountedSavedListedAndDeleted() throws Exception {
        String dir = temp.resolve("shop").toString();
        assertThat(InProcessCli.exec("sample", "load", "--data-dir", dir).code()).isZero();

        InProcessCli.Run count = InProcessCli.exec("segment", "count", "orders >= 2", "--json", "--data-dir", dir);
        assertThat(count.code()).as(count.err()).isZero();
        Matcher n = Pattern.compile("\\{\"count\":(\\d+)}").matcher(count.out().strip());
        assertThat(n.matches()).as(count.out()).isTrue();
        assertThat(Long.parseLong(n.group(1))).isPositive();

        InProcessCli.Run bad = InProcessCli.exec("segment", "count", "city = 上海 and ordrs >= 3", "--data-dir", dir);
        assertThat(bad.code()).isEqualTo(Cli.USAGE);
        assertThat(bad.err().strip()).isEqualTo("column 15: unknown field \"ordrs\" — did you mean orders?");

        InProcessCli.Run save = InProcessCli.exec("segment", "save", "常客", "订单数 >= 2", "--data-dir", dir);
        assertThat(save.code()).as(save.err()).isZero();
        InProcessCli.Run list = InProcessCli.exec("segment", "list", "--json", "--counts", "--data-dir", dir);
        assertThat(list.out()).contains("\"name\":\"常客\"").contains("\"rule\":\"orders >= 2\"").contains("\"count\":" + n.group(1));

        InProcessCli.Run members = InProcessCli.exec("segment", "members", "常客", "--json", "--include-do-not-contact",
                "--data-dir", dir);
        assertThat(members.code()).as(members.err()).isZero();
        assertThat(members.out().split(",").length).isEqualTo(Integer.parseInt(n.group(1)) + 1); // ids and the left-out count

        assertThat(InProcessCli.exec("segment", "delete", "常客", "--data-dir", dir).code()).isZero();
        InProcessCli.Run again = InProcessCli.exec("segment", "delete", "常客", "--data-dir", dir);
        assertThat(again.code()).isEqualTo(Cli.FAILURE);
        assertThat(again.err()).contains("No saved segment named \"常客\".");
    }
}
