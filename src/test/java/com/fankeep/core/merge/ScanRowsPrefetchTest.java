package com.fankeep.core.merge;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fankeep.core.shared.Cancellation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The prefetching reader's failure reaches the caller; it must not leave the caller waiting for a word never sent. */
class ScanRowsPrefetchTest {

    @Test
    void aFailingReadOnTheReadingThreadIsThrownNotWaitedFor() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:prefetch-fail", "sa", "")) {
            ScanRows rows = new ScanRows(c, Cancellation.none());
            assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                    assertThatThrownBy(() -> rows.prefetching(true, () -> rows.stream("select * from no_such_table", r -> { })))
                            .isInstanceOf(SQLException.class));
        }
    }
}
