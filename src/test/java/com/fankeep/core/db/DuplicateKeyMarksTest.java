package com.fankeep.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fankeep.testing.PropertyRunner;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The bulk copy's marks by statements of many rows leave the rows, in their order, that the one-row marks leave. */
class DuplicateKeyMarksTest {

    record Case(List<Long> before, List<Long> ids) {
    }

    @Test
    void manyAtOnceLeavesWhatOneByOneLeaves() {
        PropertyRunner.check("markMany = mark", 25, DuplicateKeyMarksTest::marks, c -> {
            assertEquals(rowsAfter(c, false), rowsAfter(c, true), c.toString());
        });
    }

    /** Marks already there (some twice) and customers to mark, overlapping them, some given twice, up to 700 (> one statement). */
    static Case marks(RandomGenerator r) {
        List<Long> before = new ArrayList<>();
        for (int i = r.nextInt(20); i > 0; i--) {
            before.add((long) r.nextInt(1, 400));
        }
        List<Long> ids = new ArrayList<>();
        for (int i = r.nextInt(700); i > 0; i--) {
            ids.add((long) r.nextInt(1, 1000));
        }
        return new Case(before, ids);
    }

    private static List<String> rowsAfter(Case c, boolean many) throws SQLException {
        try (Connection con = DriverManager.getConnection("jdbc:h2:mem:"); Statement s = con.createStatement()) {
            s.execute("create table duplicate_key_mark (customer_id bigint not null)");
            s.execute("create index duplicate_key_mark_idx on duplicate_key_mark (customer_id)");
            for (long id : c.before()) {
                s.execute("insert into duplicate_key_mark values (" + id + ")");
            }
            if (many) {
                DuplicateKeyMarks.markMany(con, c.ids());
            } else {
                DuplicateKeyMarks.mark(con, c.ids());
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select _rowid_, customer_id from duplicate_key_mark order by _rowid_")) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + ":" + rs.getLong(2));
                }
            }
            return rows;
        }
    }
}
