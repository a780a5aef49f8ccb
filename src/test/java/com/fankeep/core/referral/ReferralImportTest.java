package com.fankeep.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Referrers named in imported files — Youzan's 分销员 (orders and customer export) and a column the owner maps to
 * "referred by" — become links after the import; undoing the import takes back exactly those links and note lines.
 */
class ReferralImportTest {

    @TempDir
    Path temp;
    private Database db;
    private CoreServices core;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(temp);
        core = CoreServices.over(db);
        core.search().build(Progress.NONE, Cancellation.none());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void distributorsInAYouzanExportBecomeReferrers() {
        core.imports().importNow(new ImportRequest(List.of(Path.of("sample-data/youzan/youzan_orders_20240315.csv")), null, null,
                ZoneId.of("Asia/Shanghai")), Progress.NONE, Cancellation.none());
        FanData data = new FanData(db);
        assertThat(data.count("select count(*) from referral_claim")).isZero(); // linked, then not kept

        // the file: 3 orders name a distributor by name and phone (two distributors)
        List<Long> referred = data.ids("select id from customer where referred_by_id is not null order by id");
        assertThat(referred).isNotEmpty();
        for (long id : referred) {
            long by = core.customers().profile(id).orElseThrow().referredById();
            assertThat(data.count("select count(*) from contact_channel where customer_id = ? and kind = 'phone' "
                    + "and normalized_value in ('+8613800138002', '+8613800138030')", by)).as("referrer of #" + id).isEqualTo(1);
        }
        long notes = data.count("select count(*) from customer where note like ?", ReferralService.NOTE_PREFIX + "%");
        assertThat(referred.size() + notes).as("every buyer naming a distributor is linked or noted").isBetween(2L, 3L);
        assertThat(core.referrals().top(10, ReferralService.Rank.REFERRED)).isNotEmpty();
    }

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private ImportSummary importFile(String name, String body, String mapping) throws Exception {
        Path f = temp.resolve(name);
        Files.writeString(f, body, StandardCharsets.UTF_8);
        ImportRequest request = new ImportRequest(List.of(f), null, StandardCharsets.UTF_8, SHANGHAI);
        return core.imports().importNow(mapping == null ? request : request.withMapping(mapping), Progress.NONE, Cancellation.none());
    }

    private long id(String name) {
        return new FanData(db).ids("select id from customer where name = ?", name).getFirst();
    }

    private Long referrerOf(long id) {
        return core.customers().profile(id).orElseThrow().referredById();
    }

    @Test
    void aMappedReferredByColumnLinksByPhoneOrNameNotesTheUnknownAndItsUndoTakesBackOnlyWhatItDid() throws Exception {
        // customers who were there before: 王老大 (the referrer), 小白, 小红 (already referred by 王老大), 小黑
        importFile("old.csv", "姓名,手机\n王老大,13800138000\n小白,13800138001\n小红,13800138002\n小黑,13800138003\n", null);
        long wang = id("王老大");
        long bai = id("小白");
        long hong = id("小红");
        long hei = id("小黑");
        core.referrals().set(hong, wang); // by hand, earlier: must survive the undo
        core.customers().setNote(hei, "老客户");

        String header = "客户,电话,Introduced by\n";
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("客户", "name");
        mapping.put("电话", "phone");
        mapping.put("Introduced by", "referred_by");
        core.imports().mappings().save("带推荐人", List.of("客户", "电话", "Introduced by"), mapping);
        ImportSummary s = importFile("referred.csv", header
                + "新客小绿,13900139000,13800138000\n" // a new customer, the referrer found by phone
                + "小白,13800138001,王老大\n" // an existing customer, the referrer found by name
                + "小红,13800138002,小白\n" // already referred: kept as it was
                + "小黑,13800138003,查无此人\n", "带推荐人"); // nobody: a note line
        long batch = s.files().getFirst().batchId();
        long lv = id("新客小绿");
        assertThat(referrerOf(lv)).isEqualTo(wang);
        assertThat(referrerOf(bai)).isEqualTo(wang);
        assertThat(referrerOf(hong)).isEqualTo(wang);
        assertThat(core.customers().profile(hei).orElseThrow().note()).isEqualTo("老客户\n" + ReferralService.NOTE_PREFIX + "查无此人");
        assertThat(core.referrals().top(5, ReferralService.Rank.REFERRED)).first().satisfies(t -> {
            assertThat(t.id()).isEqualTo(wang);
            assertThat(t.referred()).isEqualTo(3);
        });

        core.imports().undo(batch);
        FanData data = new FanData(db);
        assertThat(data.count("select count(*) from customer where id = ?", lv)).as("the new customer goes with the import").isZero();
        assertThat(referrerOf(bai)).as("a link the import set on a customer who was there before").isNull();
        assertThat(referrerOf(hong)).as("a link set earlier by hand").isEqualTo(wang);
        assertThat(core.customers().profile(hei).orElseThrow().note()).isEqualTo("老客户");
        assertThat(data.count("select count(*) from referral_import_link")).isZero();
        assertThat(core.referrals().top(5, ReferralService.Rank.REFERRED)).singleElement().satisfies(t -> assertThat(t.referred()).isEqualTo(1));
    }

    @Test
    void anUndoLeavesALinkTheOwnerChangedSinceAndTheYouzanCustomerExportsDistributorIsAReferrer() throws Exception {
        importFile("old.csv", "姓名,手机\n王老大,13800138000\n李四,13800138009\n", null);
        long wang = id("王老大");
        long li = id("李四");
        // Youzan's customer export (EXPORT-FORMATS.md §4): 分销员 names the distributor the customer is bound to
        String header = "客户姓名,客户昵称,客户手机号,客户生日,客户性别,标签,是否会员,成长值,免费等级,付费等级,权益卡,客户积分,客户储值余额,"
                + "消费次数,消费金额,累计退款金额,累计退款订单数,笔单价,上次消费时间,分销员,导购员,企微好友,来源渠道,来源方式,成为客户时间,"
                + "成为会员时间,成为会员店铺,公众号,公众号关注时间,最近浏览时间,微信地域,所属区域,指定时间消费次数,指定时间消费金额,\n";
        String row1 = "赵六,六六,139******01,,未知,,否,0,,,,0,0.00,1,99.00,0.00,0,99.00,2024-03-10 19:19:19,王老大,,否,微信,购买商品,"
                + "2023-04-10 20:12:45,,,已关注,2023-04-10 20:12:45,2024-03-10 19:19:19,上海 上海市,,1,99.00,\n";
        String row2 = "钱七,七七,139******02,,未知,,否,0,,,,0,0.00,1,99.00,0.00,0,99.00,2024-03-10 19:19:19,王老大,,否,微信,购买商品,"
                + "2023-04-10 20:12:45,,,已关注,2023-04-10 20:12:45,2024-03-10 19:19:19,上海 上海市,,1,99.00,\n";
        ImportSummary s = importFile("customers.csv", header + row1 + row2, null);
        assertThat(s.files().getFirst().format()).isEqualTo("youzan_customers");
        long zhao = id("赵六");
        long qian = id("钱七");
        assertThat(referrerOf(zhao)).isEqualTo(wang);
        assertThat(referrerOf(qian)).isEqualTo(wang);
        core.referrals().set(zhao, li); // the owner corrected it after the import
        core.customers().tag(List.of(zhao, qian), "留下"); // keeps them past the undo (something else is attached)
        core.imports().undo(s.files().getFirst().batchId());
        assertThat(referrerOf(zhao)).as("changed by the owner since: not the import's link any more").isEqualTo(li);
        assertThat(referrerOf(qian)).as("still the import's link").isNull();
    }
}
