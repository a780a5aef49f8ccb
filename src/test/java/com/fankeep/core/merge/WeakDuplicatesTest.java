package com.fankeep.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weaker duplicate reasons (issue #11): same name with a landline on the other's card, on the same street, one
 * username on two platforms; the list ranked by an explainable strength; a dismissed pair stays out after a re-scan.
 */
class WeakDuplicatesTest {

    @TempDir
    Path temp;
    Database db;
    MergeService merges;

    @BeforeEach
    void open() {
        db = Database.open(temp.resolve("data"));
        merges = CoreServices.over(db).merges();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aLandlineOfOneWrittenOnTheOthersCardWithoutItsAreaCodeIsSuggested() {
        long landlineOnly = customer("王芳", null);
        channel(landlineOnly, "phone", null, "010-6543 2100", "+861065432100", false);
        long withMobile = customer("王 芳", null);
        channel(withMobile, "phone", null, "13800138000", "+8613800138000", true);
        channel(withMobile, "other", null, "家里 6543 2100", null, false);
        long otherName = customer("王芬", null);
        channel(otherName, "other", null, "6543 2100", null, false);

        merges.scan(Progress.NONE, Cancellation.none());

        assertThat(reasons(landlineOnly, withMobile)).containsExactly("name_landline");
        assertThat(reasons(landlineOnly, otherName)).isEmpty();
    }

    @Test
    void theSameNameOnTheSameStreetOfTheSameDistrictIsSuggestedWhateverTheHouseNumber() {
        long a = customer("李雷", "上海");
        order(a, "李雷", "上海市", "浦东新区", "世纪大道100号1203室");
        long b = customer("李雷", null);
        channel(b, "address", null, "上海 上海市 浦东新区 世纪大道100号1501室", "x", false);
        long otherDistrict = customer("李雷", null);
        order(otherDistrict, "李雷", "上海市", "徐汇区", "世纪大道8号");
        long latin = customer("Émily Carter", null);
        order(latin, "Émily Carter", "London", null, "12 Baker Street, Flat 3");
        long latinToo = customer("EMILY CARTER", null);
        order(latinToo, "EMILY CARTER", "london", null, "Flat 9, 40 baker st");

        merges.scan(Progress.NONE, Cancellation.none());

        assertThat(reasons(a, b)).contains("name_street");
        assertThat(reasons(a, otherDistrict)).doesNotContain("name_street");
        assertThat(reasons(latin, latinToo)).contains("name_street");
    }

    @Test
    void oneUsernameOnTwoPlatformsIsSuggestedButNotOnOne() {
        long etsy = customer("E. C.", null);
        channel(etsy, "nickname", "etsy", "EmilyCarterArt", "81234567", false);
        long shopify = customer("Emily", null);
        channel(shopify, "nickname", "shopify", "emilycarterart", "emilycarterart", false);
        long etsyAgain = customer("Someone", null);
        channel(etsyAgain, "nickname", "etsy", "emilycarterart", "99999", false);

        merges.scan(Progress.NONE, Cancellation.none());

        assertThat(reasons(etsy, shopify)).contains("same_username");
        assertThat(reasons(etsy, etsyAgain)).doesNotContain("same_username");
    }

    @Test
    void theListIsRankedStrongestFirstAndSaysWhy() {
        long cityA = customer("Emily Carter", "San Francisco");
        long cityB = customer("emily carter", "san francisco");
        merges.scan(Progress.NONE, Cancellation.none());
        long phoneA = customer("Zhang Wei", null);
        channel(phoneA, "phone", null, "13900139000", "+8613900139000", true);
        long phoneB = customer("Wei Zhang", null);
        channel(phoneB, "phone", null, "139 0013 9000", "+8613900139000", true);

        merges.scan(Progress.NONE, Cancellation.none());

        // the name-and-city pair was found first (older row), the shared phone ranks above it
        List<DuplicateSuggestion> list = merges.suggestions(10);
        assertThat(list).extracting(s -> List.of(s.a().id(), s.b().id()))
                .containsExactly(List.of(phoneA, phoneB), List.of(cityA, cityB));
        assertThat(list.get(0).level()).isEqualTo("strong");
        Messages en = Messages.of(Locale.ENGLISH);
        assertThat(list.get(1).explain(en)).isEqualTo("Weak (45/100): same name, same city; no shared phone or e-mail");
        assertThat(list.get(1).explain(Messages.of(Locale.SIMPLIFIED_CHINESE))).isEqualTo("可信度弱（45/100）：姓名相同，城市相同；没有相同的电话或邮箱");
        assertThat(list.get(0).explain(en)).isEqualTo("Strong (95/100): same phone");
    }

    @Test
    void aDismissedPairStaysOutWhenScannedAgain() {
        long a = customer("Emily Carter", "San Francisco");
        long b = customer("Emily Carter", "San Francisco");
        merges.scan(Progress.NONE, Cancellation.none());
        assertThat(merges.suggestions(10)).hasSize(1);

        merges.dismiss(b, a);
        ScanResult again = merges.scan(Progress.NONE, Cancellation.none());

        assertThat(merges.suggestions(10)).isEmpty();
        assertThat(again.newSuggestions()).isZero();
        assertThat(merges.countSuggestions(10)).isZero();
    }

    private List<String> reasons(long x, long y) {
        return db.dsl().fetch("select reason from merge_suggestion where customer_a_id = ? and customer_b_id = ? order by reason",
                Math.min(x, y), Math.max(x, y)).getValues(0, String.class);
    }

    // written past the services: each helper marks the customer as a writer does (ADR 0044), so the scan stores their keys
    private long customer(String name, String city) {
        long id = db.dsl().fetchOne("select id from final table (insert into customer (name, city) values (?, ?))", name, city)
                .get(0, Long.class);
        com.fankeep.core.db.DuplicateKeyMarks.mark(db.dsl(), List.of(id));
        return id;
    }

    private void channel(long customer, String kind, String platform, String raw, String normalized, boolean key) {
        db.dsl().execute("insert into contact_channel (customer_id, kind, platform, raw_value, normalized_value, merge_key) "
                + "values (?, ?, ?, ?, ?, ?)", customer, kind, platform, raw, normalized, key);
        com.fankeep.core.db.DuplicateKeyMarks.mark(db.dsl(), List.of(customer));
    }

    private void order(long customer, String receiver, String city, String district, String address) {
        db.dsl().execute("insert into shop_order (platform, external_order_id, customer_id, receiver_name, receiver_city, "
                + "receiver_district, receiver_address, status, ordered_at, currency) values ('taobao', ?, ?, ?, ?, ?, ?, "
                + "'completed', current_timestamp, 'CNY')", "o" + System.nanoTime(), customer, receiver, city, district, address);
        com.fankeep.core.db.DuplicateKeyMarks.mark(db.dsl(), List.of(customer));
    }
}
