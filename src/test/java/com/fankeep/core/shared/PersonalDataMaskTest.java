package com.fankeep.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataMaskTest {

    @Test
    void masksMobilesInAnyWriting() {
        assertThat(PersonalDataMask.mask("buyer 13800138000 paid")).isEqualTo("buyer 138****8000 paid");
        assertThat(PersonalDataMask.mask("tel +86 138 0013 8000")).isEqualTo("tel 138****8000");
        assertThat(PersonalDataMask.mask("tel 8613912345678.")).isEqualTo("tel 139****5678.");
        assertThat(PersonalDataMask.mask("138-0013-8000")).isEqualTo("138****8000");
        assertThat(PersonalDataMask.mask("手机:15900001234,")).isEqualTo("手机:159****1234,");
        assertThat(PersonalDataMask.mask("+1 415-555-0134")).doesNotContain("555-0134").contains("****");
        assertThat(PersonalDataMask.mask("+44 (0)20 7946 0958 and +4915112345678"))
                .isEqualTo("440****0958 and 491****5678");
        assertThat(PersonalDataMask.mask("landline 021-62345678")).doesNotContain("62345678");
    }

    @Test
    void masksEmailsButKeepsDatesAndShortNumbers() {
        assertThat(PersonalDataMask.mask("mail zhang.san@example.com")).isEqualTo("mail z***@example.com");
        assertThat(PersonalDataMask.mask("on 2024-03-15 row 42 of 1200")).isEqualTo("on 2024-03-15 row 42 of 1200");
        // backup file names carry a time stamp, which is no phone number; a phone beside it still is masked
        assertThat(PersonalDataMask.mask("manual backup written to /d/backups/fankeep-20261206-110329-manual.zip"))
                .isEqualTo("manual backup written to /d/backups/fankeep-20261206-110329-manual.zip");
        assertThat(PersonalDataMask.mask("fankeep-20261206-110329.zip for 13800138000")).isEqualTo("fankeep-20261206-110329.zip for 138****8000");
    }

    /** Issue #17: addresses with letters beyond ASCII, apostrophes, a mobile as the local part; both kinds of value in one line. */
    @Test
    void emailsInEveryWritingAreMaskedBesideReadableFigures() {
        assertThat(PersonalDataMask.maskLog("mail José.Pérez@correo.es")).isEqualTo("mail J***@correo.es");
        assertThat(PersonalDataMask.maskLog("mail o'brien@example.ie")).isEqualTo("mail o***@example.ie");
        assertThat(PersonalDataMask.maskLog("13800138000@163.com")).isEqualTo("1***@163.com");
        assertThat(PersonalDataMask.maskLog("Zhang <Zhang.San+shop@Mail.Example.COM>")).isEqualTo("Zhang <Z***@Mail.Example.COM>");
        assertThat(PersonalDataMask.maskLog("email=li_si@sub-domain.example.co.uk;")).isEqualTo("email=l***@sub-domain.example.co.uk;");
        assertThat(PersonalDataMask.maskLog("a.b@example.com,c.d@example.org")).isEqualTo("a***@example.com,c***@example.org");
        String line = PersonalDataMask.maskLog("import committed: 1000000 new orders, 1,000,000 lines, 300000 new customers; "
                + "taobao-2024.csv row 1380013 of customer #13800138: 张三丰 13912345678 zhang.san@example.com paid 13800.50 CNY");
        assertThat(line).isEqualTo("import committed: 1000000 new orders, 1,000,000 lines, 300000 new customers; "
                + "taobao-2024.csv row 1380013 of customer #13800138: 张** 139****5678 z***@example.com paid 13800.50 CNY");
    }

    /** What a log line must still say plainly: counts, ids, amounts, dates, times and file names. */
    @Test
    void countsIdsAmountsDatesAndFileNamesStayReadable() {
        for (String plain : new String[] {
            "import committed: 10000000 new orders, 0 updated, 300000 new customers",
            "backup written to /tmp/shop/backups/fankeep-20240315-120329.zip (35123456 bytes)",
            "backup written to /tmp/shop/backups/fankeep-20261206-130012-45678.zip",
            "log fankeep-20261206-130012-1380013.log",
            "order 4012345678901234567 paid 13800.50 CNY on 2024-03-15 13:38:00",
            "integrity check: 14 checks, 0 problems, 1380013 ms",
            "erased customer #13800138 (3 records, 12 orders anonymized)",
            "imported 老客户名单.xlsx and 淘宝订单2024.csv",
            "row 7 of ExportOrderList202403151234.csv"}) {
            assertThat(PersonalDataMask.maskLog(plain)).as(plain).isEqualTo(plain);
        }
    }

    @Test
    void namesAndAddressesAreMaskedInTheLog() {
        String line = PersonalDataMask.maskLog("customer 张三丰 at 上海市浦东新区世纪大道100号3室 (王小明, 13912345678)");
        assertThat(line).doesNotContain("三丰", "浦东", "世纪大道", "100号", "小明", "13912345678")
                .isEqualTo("customer 张** at 上** (王**, 139****5678)");
        String h2 = PersonalDataMask.maskLog("Value too long for column \"NAME CHARACTER VARYING(100)\": \"'Emily Chen, 12 Main St' (120)\"; "
                + "Unique index violation: \"PUBLIC.IDX ON PUBLIC.CUSTOMER(NAME) VALUES ( /* 1 */ 'John O''Hara' )\"");
        assertThat(h2).doesNotContain("Emily", "Main St", "John", "Hara").contains("CUSTOMER(NAME)");
        // as H2 wrote it for a too-long name in a real run (non-ASCII text as escapes, cut short)
        String escaped = PersonalDataMask.maskLog("Value too long for column \"NAME CHARACTER VARYING(200)\": "
                + "\"U&'\\\\5f20\\\\4e09\\\\4e30\\\\4f4f\\\\4e0a\\\\6d77\\\\5e02... (419)\"; SQL statement:");
        assertThat(escaped).doesNotContain("5f20", "4e09", "6d77").contains("VARYING(200)", "SQL statement:");
    }

    @Test
    void theLogFileNeverHoldsAFullPhoneNumberANameOrAnAddress(@TempDir Path dir) throws Exception {
        Path file = Logging.toDataFolder(dir);
        try {
            Logger.getLogger("test").warning("import row 7: phone 13912345678 not matched");
            Logger.getLogger("test").severe("failed for 13912345678 and li@example.cn");
            Logger.getLogger("test").severe("could not save 张三丰住上海市浦东新区世纪大道100号 (10000000 orders)");
        } finally {
            Logging.closeForTests();
        }
        String log = Files.readString(file);
        assertThat(log).contains("139****5678").doesNotContain("13912345678").doesNotContain("li@example.cn")
                .doesNotContain("三丰", "浦东").contains("10000000 orders");
    }
}
