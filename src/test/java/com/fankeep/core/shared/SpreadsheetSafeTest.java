package com.fankeep.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** OWASP CSV injection: a cell that a spreadsheet would run as a formula is turned into plain text. */
class SpreadsheetSafeTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+8613800138000", "-2+3", "@SUM(A1:A9)", "\t=cmd|' /C calc'!A0", "\r=1", "\n=1",
            "=HYPERLINK(\"http://x\",\"点我\")", "＝1+2", "＋1", "－1", "＠x"})
    void riskyStartsGetAnApostrophe(String risky) {
        assertThat(SpreadsheetSafe.text(risky)).isEqualTo("'" + risky);
    }

    @ParameterizedTest
    @ValueSource(strings = {"张伟", "13800138000", "a=b", "1-2", "email@example.com", "'already", " =space first"})
    void ordinaryTextIsLeftAlone(String text) {
        assertThat(SpreadsheetSafe.text(text)).isEqualTo(text);
    }

    @Test
    void emptyAndNullStayAsTheyAre() {
        assertThat(SpreadsheetSafe.text("")).isEmpty();
        assertThat(SpreadsheetSafe.text(null)).isNull();
    }
}
