package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.testing.InProcessCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sheet no format knows: refused, then read through a saved mapping, then found again by its header alone. */
class MappingCliTest {


    @TempDir
    Path temp;

    @Test
    void aSavedMappingReadsAnUnknownSheetAndIsFoundAgainByItsHeader() throws Exception {
        Path sheet = temp.resolve("朋友介绍.csv");
        Files.writeString(sheet, "客户称呼,联系方式,微信号码,随便写写\n张三,13800138000,zhangsan_wx,老客户\n李四,139-0013-9000,,\n",
                StandardCharsets.UTF_8);
        String dir = temp.resolve("shop").toString();

        InProcessCli.Run unknown = InProcessCli.exec("import", sheet.toString(), "--data-dir", dir);
        assertThat(unknown.code()).isEqualTo(Cli.FAILURE);
        assertThat(unknown.out()).contains("not imported").contains("unknown_format");

        InProcessCli.Run save = InProcessCli.exec("mapping", "save", "friends", sheet.toString(),
                "--map", "客户称呼=name", "--map", "联系方式=phone", "--map", "微信号码=wechat", "--data-dir", dir);
        assertThat(save.code()).as(save.err()).isZero();
        assertThat(save.out()).contains("friends");

        InProcessCli.Run mapped = InProcessCli.exec("import", sheet.toString(), "--mapping", "friends", "--json", "--data-dir", dir);
        assertThat(mapped.code()).as(mapped.err() + mapped.out()).isZero();
        assertThat(mapped.out()).contains("\"newCustomers\":2");

        InProcessCli.Run again = InProcessCli.exec("import", sheet.toString(), "--data-dir", dir);
        assertThat(again.code()).as(again.out()).isZero();
        assertThat(again.out()).contains("Nothing new");

        InProcessCli.Run list = InProcessCli.exec("mapping", "list", "--data-dir", dir);
        assertThat(list.out()).contains("friends").contains("客户称呼=name");
    }
}
