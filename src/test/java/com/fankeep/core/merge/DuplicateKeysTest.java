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

    @Test
    void theKeysOfAFirstScanOverTheWholeShopAreTheSameStoredAfterThePairsAsOnTheWay() throws Exception {
        try (Database db = TestDatabases.fresh(temp); Connection c = db.dataSource().getConnection();
             Statement st = c.createStatement()) {
            st.executeUpdate("insert into customer (id, name, city) values (1, '王小明', '上海'), (2, '王小明', '上海市'),"
                    + " (3, '李雷', '北京'), (4, '韩梅梅', '北京'), (5, 'Emily Chen', 'San Francisco'), (6, 'emily chen', 'San Francisco')");
            st.executeUpdate("insert into contact_channel (customer_id, kind, raw_value, normalized_value, merge_key) values"
                    + " (3, 'phone', '13800138000', '+8613800138000', true), (4, 'phone', '138 0013 8000', '+8613800138000', true)");
            java.util.List<Long> all = java.util.List.of(1L, 2L, 3L, 4L, 5L, 6L);
            com.fankeep.core.db.DuplicateKeyMarks.mark(c, all);
            var later = new DuplicateScanner(c, Cancellation.none(), java.util.Set.copyOf(all)).keysOnTheWay(0).scan();
            String keysLater = dump(st);
            assertThat(count(st, "select count(*) from duplicate_key_mark")).isZero();
            assertThat(DuplicateKeys.check(c, false, Cancellation.none())).isEmpty();

            st.executeUpdate("delete from duplicate_key");
            com.fankeep.core.db.DuplicateKeyMarks.mark(c, all);
            var onTheWay = new DuplicateScanner(c, Cancellation.none(), java.util.Set.copyOf(all)).scan();
            assertThat(later).isNotEmpty().isEqualTo(onTheWay);
            assertThat(keysLater).isNotEmpty().isEqualTo(dump(st));
            assertThat(count(st, "select count(*) from duplicate_key_mark")).isZero();
        }
    }

    private static String dump(Statement st) throws Exception {
        StringBuilder out = new StringBuilder();
        try (var rs = st.executeQuery("select customer_id, key_hash from duplicate_key order by customer_id, key_hash")) {
            while (rs.next()) {
                out.append(rs.getLong(1)).append(':').append(rs.getLong(2)).append('\n');
            }
        }
        return out.toString();
    }

    private static long count(Statement st, String sql) throws Exception {
        try (var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
