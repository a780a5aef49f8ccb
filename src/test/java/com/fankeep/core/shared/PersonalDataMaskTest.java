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
        assertThat(PersonalDataMask.mask("tel +86 138 0013 8000")).isEqualTo("tel 861****8000");
        assertThat(PersonalDataMask.mask("138-0013-8000")).isEqualTo("138****8000");
        assertThat(PersonalDataMask.mask("+1 415-555-0134")).doesNotContain("555-0134").contains("****");
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

    @Test
    void theLogFileNeverHoldsAFullPhoneNumber(@TempDir Path dir) throws Exception {
        Path file = Logging.toDataFolder(dir);
        try {
            Logger.getLogger("test").warning("import row 7: phone 13912345678 not matched");
            Logger.getLogger("test").severe("failed for 13912345678 and li@example.cn");
        } finally {
            Logging.closeForTests();
        }
        String log = Files.readString(file);
        assertThat(log).contains("139****5678").doesNotContain("13912345678").doesNotContain("li@example.cn");
    }
}
