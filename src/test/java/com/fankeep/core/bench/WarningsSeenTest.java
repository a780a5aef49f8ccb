package com.fankeep.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class WarningsSeenTest {

    @Test
    void aWarningLoggedWhileListeningIsSeenWithItsCauseAndMasked() {
        WarningsSeen seen = WarningsSeen.start();
        LoggerFactory.getLogger("bench.probe").info("an info line is not a warning");
        LoggerFactory.getLogger("bench.probe").warn("{} on the bulk copy failed; buyer 13800138000", "AggregateService",
                new IllegalStateException("wrapped", new SQLException("Out of memory")));
        var lines = seen.stop();
        LoggerFactory.getLogger("bench.probe").warn("after stop: not seen");

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("WARNING bench.probe: AggregateService on the bulk copy failed")
                .contains("← IllegalStateException: wrapped").contains("← SQLException: Out of memory")
                .doesNotContain("13800138000");
    }
}
