package com.fankeep.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.db.Database;
import com.fankeep.core.integrity.IntegrityService;
import com.fankeep.testing.SampleShop;
import com.fankeep.testing.SqlDump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErasureServiceTest {

    @TempDir
    Path temp;

    private Database db;
    private final List<Collection<Long>> told = new ArrayList<>();

    @BeforeEach
    void sampleShop() {
        db = Database.open(temp.resolve("shop"));
        SampleShop.load(db, temp.resolve("samples"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private <T> T value(Class<T> type, String sql, Object... bindings) {
        return db.dsl().fetchOne(sql, bindings).get(0, type);
    }

    /** The whole database as SQL text: whatever is in any table or column shows up here. */
    private String everything() throws Exception {
        return SqlDump.of(db, temp);
    }

    @Test
    void erasedPersonalDataIsNowhereInTheDatabaseButTheOrdersAndTotalsStay() throws Exception {
        // the customer with the most orders that has a phone only they have
        long id = value(Long.class, "select c.id from customer c join contact_channel p on p.customer_id = c.id and p.kind = 'phone' "
                + "where (select count(*) from contact_channel q where q.normalized_value = p.normalized_value) = 1 "
                + "order by c.order_count desc, c.id limit 1");
        List<String> phones = db.dsl().fetch("select normalized_value from contact_channel where customer_id = ? and kind = 'phone'", id)
                .getValues(0, String.class);
        List<String> addresses = db.dsl().fetch("select distinct receiver_address from shop_order where customer_id = ? "
                + "and receiver_address is not null", id).getValues(0, String.class);
        long orders = value(Long.class, "select count(*) from shop_order where customer_id = ?", id);
        String name = value(String.class, "select name from customer where id = ?", id);
        String before = everything();
        // the negative control: the same search finds them before the erasure (Chinese text included)
        assertThat(before).contains(phones.getFirst());
        assertThat(addresses).isNotEmpty().allSatisfy(a -> assertThat(before).as("address before").contains(a));
        assertThat(name).isNotBlank();
        assertThat(before).contains(name);
        assertThat(orders).isPositive();

        ErasureResult r = new ErasureService(db, told::add).erase(id, ErasureReason.REQUEST);

        assertThat(r.alreadyErased()).isFalse();
        assertThat(r.ordersAnonymized()).isEqualTo((int) orders);
        String after = everything();
        for (String phone : phones) {
            assertThat(after).doesNotContain(phone).doesNotContain(phone.replace("+86", ""));
        }
        for (String address : addresses) {
            assertThat(after).as("address").doesNotContain(address);
        }
        assertThat(after).as("name").doesNotContain(name);
        assertThat(value(Long.class, "select count(*) from shop_order where customer_id = ?", id)).isEqualTo(orders);
        assertThat(value(Long.class, "select count(*) from contact_channel where customer_id = ?", id)).isZero();
        assertThat(value(String.class, "select name from customer where id = ?", id)).isNull();
        assertThat(db.dsl().fetch("select customer_ref, reason from erasure_log").formatCSV(false))
                .isEqualTo("customer #" + id + ",request\n");
        assertThat(told).containsExactly(r.customerIds());
        // figures still add up
        assertThat(new IntegrityService(db).check().problems()).isEmpty();

        ErasureResult again = new ErasureService(db, told::add).erase(id, ErasureReason.REQUEST);
        assertThat(again.alreadyErased()).isTrue();
        assertThat(told).hasSize(1);
    }

    @Test
    void anUnknownCustomerIsRefusedAndNothingIsLogged() {
        assertThatThrownBy(() -> new ErasureService(db, told::add).erase(999_999, ErasureReason.REQUEST))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(db.dsl().fetchCount(db.dsl().selectFrom("erasure_log"))).isZero();
        assertThat(told).isEmpty();
    }
}
