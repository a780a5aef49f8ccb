package com.fankeep.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellTextTest {

    @Test
    void unwrapsExcelProtection() {
        assertThat(CellText.clean("=\"3301234567890123456\"")).isEqualTo("3301234567890123456");
        assertThat(CellText.clean("'13800138000")).isEqualTo("13800138000");
        assertThat(CellText.clean("\t6917926768823643751")).isEqualTo("6917926768823643751");
        assertThat(CellText.clean("240315-123\t")).isEqualTo("240315-123");
        assertThat(CellText.clean("\u3000张三 ")).isEqualTo("张三");
        assertThat(CellText.clean(null)).isNull();
    }

    @Test
    void dashesAndBlanksAreEmpty() {
        assertThat(CellText.cleanOrNull("-")).isNull();
        assertThat(CellText.cleanOrNull(" \t")).isNull();
        assertThat(CellText.cleanOrNull("——")).isNull();
        assertThat(CellText.cleanOrNull("-12.50")).isEqualTo("-12.50");
    }
}
