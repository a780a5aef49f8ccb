package com.fankeep.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class IsoDatesTest {

    private final IsoDates dates = new IsoDates();

    @Test
    void datesShowAsIsoInEveryLanguageAndTheUsualTypingsAreRead() {
        assertThat(dates.toString(LocalDate.of(2026, 12, 6))).isEqualTo("2026-12-06");
        assertThat(dates.toString(null)).isEmpty();
        assertThat(dates.fromString("2026-12-06")).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(dates.fromString("2026/12/6")).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(dates.fromString("2026年12月6日")).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(dates.fromString(" ")).isNull();
        assertThatThrownBy(() -> dates.fromString("12/6/2026")).isInstanceOf(DateTimeParseException.class);
    }
}
