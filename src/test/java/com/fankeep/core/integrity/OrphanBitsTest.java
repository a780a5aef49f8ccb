package com.fankeep.core.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.testing.PropertyRunner;
import com.fankeep.testing.SampleShop;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orphan count by bit set (ADR 0064) against the SQL form it replaces for integer references: random parents and
 * references, with nulls, missing, negative, zero and out-of-range values, loaded without reference checks.
 */
class OrphanBitsTest {

    private static final IntegrityRepository.ForeignKey FK = new IntegrityRepository.ForeignKey("CHILD", "REF", "PARENT", "ID");

    @TempDir
    Path temp;

    record Shape(List<Long> parents, List<Long> refs) {
    }

    @Test
    void countsTheSameOrphansAsTheSqlForm() {
        PropertyRunner.check("orphan bits", 60, OrphanBitsTest::shape, shape -> {
            try (Connection c = DriverManager.getConnection("jdbc:h2:mem:", "sa", "")) {
                load(c, shape);
                IntegrityRepository repo = new IntegrityRepository(c);
                long sql = repo.orphansInSql(FK);
                assertThat(repo.orphans(FK)).isEqualTo(sql);
                boolean inRange = shape.parents().stream().allMatch(id -> id >= 0 && id <= OrphanBits.MAX_ID);
                if (inRange) {
                    assertThat(new OrphanBits(c).count(FK)).isEqualTo(sql); // the bit set counted, not the fallback
                } else if (shape.refs().stream().anyMatch(java.util.Objects::nonNull)) {
                    assertThat(new OrphanBits(c).count(FK)).isNull();
                }
            }
        });
    }

    private static Shape shape(RandomGenerator r) {
        List<Long> parents = new ArrayList<>();
        int n = r.nextInt(0, 60);
        for (int i = 0; i < n; i++) {
            long id = switch (r.nextInt(12)) {
                case 0 -> 0;
                case 1 -> OrphanBits.MAX_ID - r.nextInt(3);
                case 2 -> OrphanBits.MAX_ID + 1 + r.nextInt(3); // the SQL form counts then
                case 3 -> -1 - r.nextInt(3);
                default -> r.nextLong(1, 200);
            };
            if (!parents.contains(id)) {
                parents.add(id);
            }
        }
        List<Long> refs = new ArrayList<>();
        int m = r.nextInt(0, 80);
        for (int i = 0; i < m; i++) {
            refs.add(switch (r.nextInt(10)) {
                case 0 -> null;
                case 1 -> -1L - r.nextInt(3);
                case 2 -> OrphanBits.MAX_ID + r.nextInt(3);
                case 3 -> (long) Integer.MAX_VALUE + 1 + r.nextInt(3);
                case 4 -> 0L;
                case 5, 6, 7 -> parents.isEmpty() ? 1L : parents.get(r.nextInt(parents.size()));
                default -> r.nextLong(1, 220);
            });
        }
        return new Shape(parents, refs);
    }

    private static void load(Connection c, Shape shape) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("create table parent (id bigint primary key)");
            s.execute("create table child (id bigint primary key, ref bigint references parent (id))");
            s.execute("set referential_integrity false");
        }
        try (PreparedStatement ps = c.prepareStatement("insert into parent (id) values (?)")) {
            for (long id : shape.parents()) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into child (id, ref) values (?, ?)")) {
            long id = 0;
            for (Long ref : shape.refs()) {
                ps.setLong(1, ++id);
                ps.setObject(2, ref);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Test
    void aParentAndItsChildWrittenBetweenTheTwoReadsAreNoOrphan() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:", "sa", "")) {
            load(c, new Shape(List.of(1L, 2L), List.of(1L, 2L)));
            try (Statement s = c.createStatement()) {
                s.execute("set referential_integrity true");
            }
            IntegrityRepository repo = new IntegrityRepository(c);
            assertThat(repo.orphans(FK)).isZero(); // the parents' ids are read (and kept for the check's other references)
            try (Statement s = c.createStatement()) {
                s.execute("insert into parent (id) values (3)");
                s.execute("insert into child (id, ref) values (3, 3)");
            }
            assertThat(repo.orphans(FK)).isZero(); // the kept ids lack 3: counted again in one statement
        }
    }

    @Test
    void theCheckFindsLinesAndChannelsWhoseParentIsGone() throws Exception {
        Database db = Database.open(temp.resolve("shop"));
        try {
            SampleShop.load(db, temp.resolve("samples"));
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("set referential_integrity false");
                try {
                    s.execute("delete from shop_order where id = (select max(order_id) from order_line)");
                    s.execute("update contact_channel set customer_id = (select max(id) + 5 from customer) "
                            + "where id = (select min(id) from contact_channel)");
                } finally {
                    s.execute("set referential_integrity true");
                }
                IntegrityRepository repo = new IntegrityRepository(c);
                for (IntegrityRepository.ForeignKey fk : repo.foreignKeys()) {
                    assertThat(repo.orphans(fk)).as(fk.where()).isEqualTo(repo.orphansInSql(fk));
                }
                IntegrityReport report = IntegrityService.check(c, false);
                assertThat(report.problems()).extracting(IntegrityReport.Problem::where)
                        .contains("order_line.order_id -> shop_order", "contact_channel.customer_id -> customer");
            }
        } finally {
            db.close();
        }
    }
}
