package com.fankeep.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored keys (ADR 0044): a check finds a change nobody marked, repairs it, and a marked one is not a problem. */
class DuplicateKeysTest {

    @TempDir
    Path temp;

    @Test
    void aChangeWithoutItsMarkIsFoundAndRepairedAndAMarkedOneIsStoredAgain() throws Exception {
        try (Database db = TestDatabases.fresh(temp); Connection c = db.dataSource().getConnection();
             Statement st = c.createStatement()) {
            st.executeUpdate("insert into customer (id, name, city) values (1, '王小明', '上海'), (2, '王小明', '上海市')");
            DuplicateKeys.rebuild(c);
            assertThat(DuplicateKeys.check(c, false, Cancellation.none())).isEmpty();
            assertThat(count(st, "select count(*) from duplicate_key where customer_id = 1")).isPositive();

            st.executeUpdate("update customer set name = '李雷' where id = 1");   // past every writer: no mark
            assertThat(DuplicateKeys.check(c, false, Cancellation.none())).containsExactly(1L);
            assertThat(DuplicateKeys.check(c, true, Cancellation.none())).containsExactly(1L);
            assertThat(DuplicateKeys.check(c, false, Cancellation.none())).isEmpty();

            st.executeUpdate("update customer set name = '韩梅梅' where id = 2");
            com.fankeep.core.db.DuplicateKeyMarks.mark(c, java.util.List.of(2L, 2L));
            assertThat(count(st, "select count(*) from duplicate_key_mark")).isEqualTo(1);
            assertThat(DuplicateKeys.check(c, false, Cancellation.none())).isEmpty();   // marked: the next scan stores it
            new DuplicateScanner(c, Cancellation.none(), java.util.Set.of(1L)).keysFirst().scan();
            assertThat(count(st, "select count(*) from duplicate_key_mark")).isZero();
            assertThat(DuplicateKeys.check(c, false, Cancellation.none())).isEmpty();
            assertThat(count(st, "select count(*) from duplicate_key_mark")).isZero();
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
