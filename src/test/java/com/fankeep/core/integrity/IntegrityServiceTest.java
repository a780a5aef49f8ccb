package com.fankeep.core.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.testing.SampleShop;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityServiceTest {

    @TempDir
    Path temp;

    private Database db;

    @BeforeEach
    void sampleShop() {
        db = Database.open(temp.resolve("shop"));
        SampleShop.load(db, temp.resolve("samples"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anImportedShopPassesEveryCheck() {
        IntegrityReport report = new IntegrityService(db).check();
        assertThat(report.problems()).isEmpty();
        assertThat(report.checks()).isGreaterThan(30); // every foreign key of the schema, plus the figures
        assertThat(db.dsl().fetchCount(db.dsl().selectFrom("customer").where("order_count > 0"))).isGreaterThan(10);
    }

    @Test
    void aWrongOrderCountOrLastOrderDateIsFound() {
        db.dsl().execute("update customer set order_count = order_count + 1 where id = (select min(customer_id) from shop_order)");
        db.dsl().execute("update customer set last_order_at = null where id = (select max(customer_id) from shop_order "
                + "where status = 'completed')");
        assertThat(new IntegrityService(db).check().problems())
                .containsExactly(new IntegrityReport.Problem("order_figures", "customer.order_count/first_order_at/last_order_at", 2));
    }

    @Test
    void missingExtraOrWrongSpendIsFound() {
        int deleted = db.dsl().execute("delete from customer_spend where customer_id = (select min(customer_id) from customer_spend)");
        int changed = db.dsl().execute("update customer_spend set net_spend = net_spend + 1 "
                + "where customer_id = (select max(customer_id) from customer_spend)");
        assertThat(deleted).isPositive();
        assertThat(new IntegrityService(db).check().problems()).extracting(IntegrityReport.Problem::code, IntegrityReport.Problem::rows)
                .contains(org.assertj.core.groups.Tuple.tuple("spend", (long) deleted + changed))
                .extracting(t -> t.toArray()[0]).containsOnly("spend", "sort_keys"); // the list sorts by the CNY spend too
    }

    @Test
    void aListSortKeyOutOfStepIsFound() {
        db.dsl().execute("update customer set sort_channels = sort_channels + 1 where id = (select min(id) from customer)");
        assertThat(new IntegrityService(db).check().problems()).containsExactly(new IntegrityReport.Problem("sort_keys",
                "customer.sort_nickname/sort_spend/sort_channels/sort_tags", 1));
    }

    @Test
    void aReferenceToARowThatIsGoneIsFound() {
        db.dsl().execute("set referential_integrity false");
        db.dsl().execute("delete from customer where id = (select min(customer_id) from contact_channel)");
        db.dsl().execute("set referential_integrity true");
        assertThat(new IntegrityService(db).check().problems()).extracting(IntegrityReport.Problem::where)
                .contains("contact_channel.customer_id -> customer");
    }

    @Test
    void aSpendRowWithoutOrdersIsFoundEvenWhenItIsZero() {
        db.dsl().execute("insert into customer_spend (customer_id, currency, net_spend, order_count) "
                + "select min(customer_id), 'XTS', 0, 0 from shop_order");
        assertThat(new IntegrityService(db).check().problems()).extracting(IntegrityReport.Problem::code, IntegrityReport.Problem::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("spend", 1L));
    }

    @Test
    void theQuickCheckFindsBrokenReferencesButLeavesTheFiguresToTheFullCheck() {
        db.dsl().execute("update customer set order_count = order_count + 1 where id = (select min(customer_id) from shop_order)");
        IntegrityReport quick = new IntegrityService(db).quickCheck();
        assertThat(quick.ok()).isTrue();
        assertThat(quick.checks()).isLessThan(new IntegrityService(db).check().checks());
        db.dsl().execute("set referential_integrity false");
        db.dsl().execute("delete from customer where id = (select min(customer_id) from contact_channel)");
        db.dsl().execute("set referential_integrity true");
        assertThat(new IntegrityService(db).quickCheck().problems()).extracting(IntegrityReport.Problem::where)
                .contains("contact_channel.customer_id -> customer");
    }
}
