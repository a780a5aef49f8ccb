package com.fankeep.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchTest {

    @Test
    void runsTheStatementForEachRowInOrderAndReturnsEachRowsCount() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:batch-each", "sa", ""); Statement s = c.createStatement()) {
            s.execute("create table t (id int primary key, v varchar(10))");
            Batch.run(c, "insert into t (id, v) values (?, ?)", List.of(3, 1, 2), (ps, id) -> {
                ps.setInt(1, id);
                ps.setString(2, "v" + id);
            });
            int[] counts = Batch.run(c, "update t set v = 'x' where id = ?", List.of(2, 9, 3), (ps, id) -> ps.setInt(1, id));

            assertThat(counts).containsExactly(1, 0, 1);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select id, v from t order by id")) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + "=" + rs.getString(2));
                }
            }
            assertThat(rows).containsExactly("1=v1", "2=x", "3=x");
        }
    }

    @Test
    void noRowsPreparesNothing() throws Exception {
        Connection closed = DriverManager.getConnection("jdbc:h2:mem:batch-none", "sa", "");
        closed.close(); // any prepareStatement on it throws

        assertThat(Batch.run(closed, "insert into nowhere values (?)", List.<Integer>of(), (ps, id) -> ps.setInt(1, id))).isEmpty();
    }
}
