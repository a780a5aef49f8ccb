package com.fankeep.core.importing.mapping;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.IMPORT_BATCH;
import static com.fankeep.core.db.jooq.Tables.MAPPING_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.FileSummary;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.importing.read.SheetRow;
import com.fankeep.core.importing.read.TableReader;
import com.fankeep.core.importing.read.TableReaders;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV no format knows, imported through a saved column mapping, and recognised by its header next time. */
class MappingImportTest {

    static final String HEADER = "顾客称呼,联系号码,微信名片,旺旺ID,收件地址,留言,上回买,生辰\r\n";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path temp;
    Database db;
    ImportService service;

    @BeforeEach
    void open() {
        db = Database.open(temp.resolve("data"));
        service = new ImportService(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Path csv(String name, String body) throws Exception {
        Path f = temp.resolve(name);
        Files.write(f, (HEADER + body).getBytes(Charset.forName("GBK")));
        return f;
    }

    private ImportSummary importNow(ImportRequest request) {
        return service.importNow(request, Progress.NONE, Cancellation.none());
    }

    private static List<String> header(Path f) throws Exception {
        try (TableReader r = TableReaders.open(f, null)) {
            SheetRow first = r.next();
            return first.cells();
        }
    }

    @Test
    void aFileNoFormatKnowsIsRefusedUntilItHasAMapping() throws Exception {
        Path f = csv("2021客户.csv", "周婷,13800138009,zhouting_sz,婷婷玉立,苏州 姑苏区 人民路1500号,,2022/2/14,2月14日\r\n");
        ImportSummary refused = importNow(new ImportRequest(List.of(f), null, null, SHANGHAI));
        assertThat(refused.files()).singleElement().satisfies(s -> assertThat(s.refusal()).startsWith("unknown_format"));
        assertThat(db.dsl().fetchCount(CUSTOMER)).isZero();
    }

    @Test
    void roundTripSaveImportWithItAndFindItAgainBySignature() throws Exception {
        Path first = csv("2021客户.csv", ""
                + "周婷,13800138009,zhouting_sz,婷婷玉立,江苏省 苏州市 姑苏区 人民路1500号,老客户,2022/2/14,2月14日\r\n"
                + "陈静,１３８００１３８００４ / 13800138104,,静静的猫,成都武侯区科华北路65号,,不记得了,\r\n");
        MappingProfile profile = service.mappings().save("老店客户表", header(first), MappingServiceTest.mapping());

        ImportSummary s = importNow(new ImportRequest(List.of(first), null, null, SHANGHAI).withMapping("老店客户表"));
        assertThat(s.files()).extracting(FileSummary::format).containsExactly("mapping");
        assertThat(s.newCustomers()).isEqualTo(2);
        var zhou = db.dsl().selectFrom(CUSTOMER).where(CUSTOMER.NAME.eq("周婷")).fetchOne();
        assertThat(zhou.getCity()).isEqualTo("苏州市");
        assertThat(db.dsl().select(CONTACT_CHANNEL.KIND, CONTACT_CHANNEL.PLATFORM, CONTACT_CHANNEL.NORMALIZED_VALUE)
                .from(CONTACT_CHANNEL).where(CONTACT_CHANNEL.CUSTOMER_ID.eq(zhou.getId())).orderBy(CONTACT_CHANNEL.ID)
                .fetch(r -> r.value1() + ":" + r.value2() + ":" + r.value3()))
                .containsExactly("nickname:taobao:婷婷玉立", "wechat:null:zhouting_sz", "phone:null:+8613800138009",
                        "address:null:江苏省苏州市姑苏区人民路1500号");
        assertThat(zhou.getNote()).isNull(); // 留言 was mapped to ignore
        // unmapped columns (上回买, 生辰) are not read
        assertThat(zhou.getBirthdayMonth()).isNull();
        var chen = db.dsl().selectFrom(CUSTOMER).where(CUSTOMER.NAME.eq("陈静")).fetchOne();
        assertThat(db.dsl().select(CONTACT_CHANNEL.NORMALIZED_VALUE).from(CONTACT_CHANNEL)
                .where(CONTACT_CHANNEL.CUSTOMER_ID.eq(chen.getId()).and(CONTACT_CHANNEL.KIND.eq("phone"))).fetch(0, String.class))
                .containsExactly("+8613800138004", "+8613800138104");
        Long batchProfile = db.dsl().select(IMPORT_BATCH.MAPPING_PROFILE_ID).from(IMPORT_BATCH).fetchOne(0, Long.class);
        assertThat(batchProfile).isEqualTo(profile.id());
        assertThat(db.dsl().select(MAPPING_PROFILE.LAST_USED_AT).from(MAPPING_PROFILE).fetchOne(0, Object.class)).isNotNull();

        // next month's file has the same header: found by its signature, no mapping named
        Path second = csv("2022客户.csv", "许晴,13800138030,xuqing_1990,,上海徐汇漕溪北路88号,,,\r\n");
        assertThat(service.mappings().findFor(header(second))).map(MappingProfile::name).contains("老店客户表");
        ImportSummary next = importNow(new ImportRequest(List.of(second), null, null, SHANGHAI));
        assertThat(next.files()).extracting(FileSummary::format).containsExactly("mapping");
        assertThat(next.newCustomers()).isEqualTo(1);

        // and the first file again changes nothing
        assertThat(importNow(new ImportRequest(List.of(first), null, null, SHANGHAI)).nothingNew()).isTrue();
        assertThat(db.dsl().fetchCount(CUSTOMER)).isEqualTo(3);
    }

    @Test
    void dateAndBirthdayColumnsOfAMappingAreReadWithProblemsForBadCells() throws Exception {
        Path f = csv("2021客户.csv", "周婷,13800138009,,,,,上个月,2月14日\r\n");
        var m = MappingServiceTest.mapping();
        m.put("上回买", "last_purchase");
        m.put("生辰", "birthday");
        service.mappings().save("带日期", header(f), m);
        ImportSummary s = importNow(new ImportRequest(List.of(f), null, null, SHANGHAI).withMapping("带日期"));
        assertThat(s.firstProblems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.column()).isEqualTo("上回买");
            assertThat(p.value()).isEqualTo("上个月");
            assertThat(p.warning()).isTrue();
        });
        assertThat(db.dsl().select(CUSTOMER.BIRTHDAY_MONTH).from(CUSTOMER).fetchOne(0, Short.class)).isEqualTo((short) 2);
    }

    @Test
    void aMappingWorksBelowTitleRowsAndForAnotherHeaderThatHasItsColumns() throws Exception {
        service.mappings().save("老店客户表", List.of(HEADER.strip().split(",")), MappingServiceTest.mapping());
        Path f = temp.resolve("other.csv");
        Files.writeString(f, "客户名单（2023）,,\r\n,,\r\n顾客称呼,备用列,联系号码\r\n沈梦琪,x,86-138-0013-8033\r\n");
        ImportSummary s = importNow(new ImportRequest(List.of(f), null, null, SHANGHAI).withMapping("老店客户表"));
        assertThat(s.newCustomers()).isEqualTo(1);
        assertThat(s.firstProblems()).extracting(ImportProblem::code).isEmpty();
        assertThat(db.dsl().select(CONTACT_CHANNEL.NORMALIZED_VALUE).from(CONTACT_CHANNEL).fetch(0, String.class))
                .containsExactly("+8613800138033");
    }

    @Test
    void anUnknownMappingNameOrBothAFormatAndAMappingAreRefused() throws Exception {
        Path f = csv("a.csv", "");
        assertThatThrownBy(() -> importNow(new ImportRequest(List.of(f), null, null, SHANGHAI).withMapping("没有这个")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("没有这个");
        assertThatThrownBy(() -> new ImportRequest(List.of(f), "vcard", null, SHANGHAI, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
