package com.fankeep.core.customer;

import static com.fankeep.core.customer.CustomersFixture.idOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edits of the customers workspace on a real H2 file: saved, undone exactly, and seen by the search index. */
class CustomerServiceTest {

    @TempDir
    Path temp;
    Database db;
    CoreServices core;
    CustomerService customers;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(temp.resolve("data"));
        core = CoreServices.over(db);
        CustomersFixture.importSheet(core, temp.resolve("in"));
        core.search().build(Progress.NONE, Cancellation.none());
        customers = core.customers();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private CustomerProfile profile(String name) {
        return customers.profile(idOf(db, name)).orElseThrow();
    }

    @Test
    void fieldEditsAreSavedAndEachUndoRestoresOnlyItsOwnField() {
        long zs = idOf(db, "张三");
        customers.setNote(zs, "喜欢蓝色");
        customers.setBirthday(zs, Birthday.parse("05-17"));
        customers.rename(zs, "张叁");
        CustomerProfile p = customers.profile(zs).orElseThrow();
        assertThat(p.name()).isEqualTo("张叁");
        assertThat(p.note()).isEqualTo("喜欢蓝色");
        assertThat(p.birthday()).isEqualTo(new Birthday(null, 5, 17));

        assertThat(customers.undoLast()).map(UndoneEdit::kind).contains("name");
        p = customers.profile(zs).orElseThrow();
        assertThat(p.name()).isEqualTo("张三");
        assertThat(p.birthday()).isEqualTo(new Birthday(null, 5, 17));

        customers.setNote(zs, "第二条");
        assertThat(customers.undoLast()).map(UndoneEdit::kind).contains("note");
        assertThat(customers.profile(zs).orElseThrow().note()).isEqualTo("喜欢蓝色");
        customers.undoLast(); // birthday
        customers.undoLast(); // first note
        p = customers.profile(zs).orElseThrow();
        assertThat(p.birthday()).isNull();
        assertThat(p.note()).isNull();
        assertThat(customers.undoLast()).isEmpty();
    }

    @Test
    void channelsAreValidatedAddedMadePrimaryMovedThroughTheFunnelRemovedAndAllUndone() {
        long zs = idOf(db, "张三");
        List<ContactChannel> before = customers.profile(zs).orElseThrow().channels();

        assertThatThrownBy(() -> customers.addChannel(zs, "phone", "12ab")).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("phone");
        assertThatThrownBy(() -> customers.addChannel(zs, "email", "zhangsan.example.com"))
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("email");

        customers.addChannel(zs, "wechat", "zhangsan_wx");
        customers.addChannel(zs, "phone", "+86 186 0000 1234");
        ContactChannel second = customers.profile(zs).orElseThrow().contacts().stream()
                .filter(c -> c.value().contains("186")).findFirst().orElseThrow();
        assertThat(second.primary()).isFalse();
        customers.makePrimary(second.id());
        customers.setFunnelState(second.id(), "requested");
        ContactChannel now = customers.profile(zs).orElseThrow().channels().stream()
                .filter(c -> c.id() == second.id()).findFirst().orElseThrow();
        assertThat(now.primary()).isTrue();
        assertThat(now.funnelState()).isEqualTo("requested");
        assertThat(now.funnelStateAt()).isNotNull();
        assertThat(customers.profile(zs).orElseThrow().contacts().stream().filter(c -> c.kind().equals("phone") && c.primary()))
                .hasSize(1);

        ContactChannel first = before.stream().filter(c -> c.kind().equals("phone")).findFirst().orElseThrow();
        customers.removeChannel(first.id());
        assertThat(customers.profile(zs).orElseThrow().channels()).noneMatch(c -> c.id() == first.id());

        for (int i = 0; i < 5; i++) {
            assertThat(customers.undoLast()).isPresent();
        }
        assertThat(customers.profile(zs).orElseThrow().channels()).isEqualTo(before);
    }

    @Test
    void undoingAnEditWhoseChannelWasRemovedSinceUndoesTheRestAndSkipsTheGoneRow() {
        long zs = idOf(db, "张三");
        customers.addChannel(zs, "wechat", "zhangsan_wx");
        ContactChannel wechat = customers.profile(zs).orElseThrow().channels().stream()
                .filter(c -> c.value().equals("zhangsan_wx")).findFirst().orElseThrow();
        customers.setFunnelState(wechat.id(), "requested");
        // what a merge or an erasure does to a channel: the row goes, the edit's undo record stays
        db.dsl().execute("delete from contact_channel where id = ?", wechat.id());

        assertThat(customers.undoLast()).map(UndoneEdit::kind).isPresent(); // was: NULL not allowed for CUSTOMER_ID
        assertThat(customers.profile(zs).orElseThrow().channels()).noneMatch(c -> c.id() == wechat.id());
        assertThat(customers.undoLast()).isPresent(); // the channel's adding, whose row is gone too: nothing to delete
    }

    @Test
    void bulkTagsAndRecoveryStateFilterTheListAndUndoTogether() {
        List<Long> ids = List.of(idOf(db, "张三"), idOf(db, "单丽"));
        customers.tag(ids, "老客户");
        customers.setRecoveryState(ids, "to_contact");
        CustomerFilter tagged = new CustomerFilter(null, "老客户", null, null, null, null, null, null, null, null);
        assertThat(customers.count(tagged)).isEqualTo(2);
        CustomerFilter toContact = new CustomerFilter(null, null, null, null, null, null, null, "to_contact", null, null);
        assertThat(customers.page(new CustomerQuery("", toContact, CustomerSort.NAME, false), null, 10).rows())
                .extracting(CustomerRow::name).containsExactlyInAnyOrder("张三", "单丽");
        assertThat(profile("张三").tags()).containsExactly("老客户");

        customers.untag(List.of(idOf(db, "张三")), "老客户");
        assertThat(customers.count(tagged)).isEqualTo(1);
        customers.undoLast();
        assertThat(customers.count(tagged)).isEqualTo(2);
        customers.undoLast();
        assertThat(customers.count(toContact)).isZero();
        assertThat(profile("单丽").recoveryState()).isEqualTo("none");
        customers.undoLast();
        assertThat(customers.count(tagged)).isZero();
    }

    @Test
    void keysetPagesCoverEveryCustomerOnceInEachSortOrder() {
        int all = (int) customers.count(CustomerFilter.NONE);
        assertThat(all).isEqualTo(5);
        for (CustomerSort sort : CustomerSort.values()) {
            for (boolean desc : new boolean[] {false, true}) {
                List<Long> seen = new ArrayList<>();
                CustomerPage page = customers.page(new CustomerQuery("", CustomerFilter.NONE, sort, desc), null, 2);
                seen.addAll(page.rows().stream().map(CustomerRow::id).toList());
                while (page.next() != null) {
                    page = customers.page(new CustomerQuery("", CustomerFilter.NONE, sort, desc), page.next(), 2);
                    seen.addAll(page.rows().stream().map(CustomerRow::id).toList());
                }
                assertThat(seen).as(sort + (desc ? " desc" : " asc")).doesNotHaveDuplicates().hasSize(all);
            }
        }
        List<String> byName = customers.page(new CustomerQuery("", CustomerFilter.NONE, CustomerSort.CITY, false), null, 10)
                .rows().stream().map(CustomerRow::city).toList();
        assertThat(byName).isSorted();
    }

    @Test
    void filtersNarrowTheList() {
        customers.addChannel(idOf(db, "王五"), "wechat", "ww5");
        CustomerFilter hangzhou = new CustomerFilter("杭州", null, null, null, null, null, null, null, null, null);
        assertThat(customers.count(hangzhou)).isEqualTo(2);
        CustomerFilter wechat = new CustomerFilter(null, null, null, null, null, null, null, null, true, null);
        assertThat(customers.page(new CustomerQuery("", wechat, CustomerSort.NAME, false), null, 10).rows())
                .extracting(CustomerRow::name).containsExactlyInAnyOrder("李四", "曾强", "王五");
        CustomerFilter noWechat = new CustomerFilter(null, null, null, null, null, null, null, null, false, true);
        assertThat(customers.count(noWechat)).isEqualTo(2);
        CustomerFilter spenders = new CustomerFilter(null, null, null, BigDecimal.ONE, null, null, null, null, null, null);
        assertThat(customers.count(spenders)).isZero();
    }

    @Test
    void searchFindsEditedValuesAndForgetsOldOnes() {
        long zs = idOf(db, "张三");
        assertThat(customers.search("zs", 10)).extracting(CustomerRow::id).contains(zs);
        customers.addChannel(zs, "wechat", "sanzhang_2024");
        assertThat(customers.search("sanzhang", 10)).extracting(CustomerRow::id).containsExactly(zs);

        customers.rename(zs, "赵六");
        assertThat(customers.search("zhaoliu", 10)).extracting(CustomerRow::id).containsExactly(zs);
        assertThat(customers.search("zhangsan", 10)).extracting(CustomerRow::id).doesNotContain(zs);

        customers.undoLast();
        assertThat(customers.search("zhangsan", 10)).extracting(CustomerRow::id).contains(zs);
        assertThat(customers.search("zhaoliu", 10)).isEmpty();
        customers.undoLast();
        assertThat(customers.search("sanzhang", 10)).isEmpty();
    }

    @Test
    void importAndImportUndoKeepTheIndexInStep() throws Exception {
        assertThat(customers.search("qianqi", 10)).isEmpty();
        java.nio.file.Path sheet = temp.resolve("more").resolve("新客户.csv");
        java.nio.file.Files.createDirectories(sheet.getParent());
        java.nio.file.Files.writeString(sheet, "姓名,电话,微信\n钱七,13300133007,qq7_wx\n");
        var summary = core.imports().importNow(new com.fankeep.core.importing.ImportRequest(List.of(sheet), null, null,
                java.time.ZoneId.of("Asia/Shanghai")), Progress.NONE, Cancellation.none());
        assertThat(customers.search("qianqi", 10)).extracting(CustomerRow::name).containsExactly("钱七");
        assertThat(customers.search("3007", 10)).extracting(CustomerRow::name).containsExactly("钱七");

        core.imports().undo(summary.files().getFirst().batchId());
        assertThat(customers.search("qianqi", 10)).isEmpty();
        assertThat(customers.search("3007", 10)).isEmpty();
    }

    @Test
    void aSavedIndexAnswersAtTheNextStartAndIsDeletedOnceLoadedOrWhenCustomersChange() {
        long zs = idOf(db, "张三");
        customers.addChannel(zs, "wechat", "sanzhang_2024");
        core.search().saveSnapshot();
        Path file = db.dataDir().resolve(CustomerSearchService.SNAPSHOT_FILE);
        assertThat(file).exists();

        CustomerSearchService next = new CustomerSearchService(db);
        assertThat(next.loadSnapshot()).isTrue();
        assertThat(file).doesNotExist();
        assertThat(next.search("sanzhang", 10)).containsExactly(zs);
        assertThat(next.search("zs", 10)).containsExactly(core.search().search("zs", 10));
        assertThat(next.search("9001", 10)).containsExactly(idOf(db, "李四"));

        core.search().saveSnapshot();
        customers.setNote(zs, "换了微信"); // a change made elsewhere (the CLI) makes the saved one stale: it goes
        assertThat(file).doesNotExist();
        assertThat(new CustomerSearchService(db).loadSnapshot()).isFalse();
    }
}
