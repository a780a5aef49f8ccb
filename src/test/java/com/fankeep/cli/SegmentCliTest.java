package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.testing.JavaProcess;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segment commands through the real entry point, over the sample shop: count, errors, save, list, members, delete. */
class SegmentCliTest {

    private static final String MAIN = "com.fankeep.Main";

    @TempDir
    Path temp;

    @Test
    void segmentsAreCountedSavedListedAndDeleted() throws Exception {
        String dir = temp.resolve("shop").toString();
        assertThat(JavaProcess.run(MAIN, "sample", "load", "--data-dir", dir).exitCode()).isZero();

        JavaProcess.Result count = JavaProcess.run(MAIN, "segment", "count", "orders >= 2", "--json", "--data-dir", dir);
        assertThat(count.exitCode()).as(count.err()).isZero();
        Matcher n = Pattern.compile("\\{\"count\":(\\d+)}").matcher(count.out().strip());
        assertThat(n.matches()).as(count.out()).isTrue();
        assertThat(Long.parseLong(n.group(1))).isPositive();

        JavaProcess.Result bad = JavaProcess.run(MAIN, "segment", "count", "city = 上海 and ordrs >= 3", "--data-dir", dir);
        assertThat(bad.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(bad.err().strip()).isEqualTo("column 15: unknown field \"ordrs\" — did you mean orders?");

        JavaProcess.Result save = JavaProcess.run(MAIN, "segment", "save", "常客", "订单数 >= 2", "--data-dir", dir);
        assertThat(save.exitCode()).as(save.err()).isZero();
        JavaProcess.Result list = JavaProcess.run(MAIN, "segment", "list", "--json", "--counts", "--data-dir", dir);
        assertThat(list.out()).contains("\"name\":\"常客\"").contains("\"rule\":\"orders >= 2\"").contains("\"count\":" + n.group(1));

        JavaProcess.Result members = JavaProcess.run(MAIN, "segment", "members", "常客", "--json", "--include-do-not-contact",
                "--data-dir", dir);
        assertThat(members.exitCode()).as(members.err()).isZero();
        assertThat(members.out().split(",").length).isEqualTo(Integer.parseInt(n.group(1)) + 1); // ids and the left-out count

        assertThat(JavaProcess.run(MAIN, "segment", "delete", "常客", "--data-dir", dir).exitCode()).isZero();
        JavaProcess.Result again = JavaProcess.run(MAIN, "segment", "delete", "常客", "--data-dir", dir);
        assertThat(again.exitCode()).isEqualTo(Cli.FAILURE);
        assertThat(again.err()).contains("No saved segment named \"常客\".");
    }
}
