package com.fankeep.ui.imports;

import com.fankeep.ui.common.FakeDialogs;
import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.importing.mapping.UnknownSheet;
import com.fankeep.core.importing.read.SheetRow;
import com.fankeep.core.insight.StatsService;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.UiTasks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The column-mapping step: its model, and the import flow around it over a real database, on the test thread. */
class ColumnMappingTest {

    /** A hand-made list no format knows: a title row, then a header of names the customer-list format does not read. */
    static final String MEMBERS_CSV = "2021 会员登记表,,,,\n"
            + "会员卡号,顾客称呼,联络手机,微信号码,消费备忘\n"
            + "A001,周晓梅,13800138201,xiaomei_zhou,喜欢蓝色\n"
            + "A002,钱多多,138-0013-8202,,\n"
            + "A003,孙悦,+86 138 0013 8203,sunyue_88,要发票\n";

    @TempDir
    Path temp;
    private Database db;
    private ImportService service;
    private final List<Throwable> unexpected = new ArrayList<>();
    private final UiTasks tasks = UiTasks.direct(unexpected::add);
    private ImportsViewModel vm;

    @BeforeEach
    void open() {
        db = Database.open(temp.resolve("data"));
        service = new ImportService(db);
        vm = new ImportsViewModel(service, tasks, new FakeDialogs(), () -> Messages.of(Locale.ENGLISH), () -> { });
        vm.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        db.close();
    }

    private Path members() throws Exception {
        Path file = temp.resolve("会员登记.csv");
        Files.writeString(file, MEMBERS_CSV, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theModelFindsTheHeaderBelowTheTitleAndSuggestsWhatTheNamesSay() {
        UnknownSheet sheet = UnknownSheet.of(Path.of("x.csv"), List.of(
                new SheetRow(1, List.of("客户资料", "", "")),
                new SheetRow(2, List.of("姓名", "号码", "微信")),
                new SheetRow(3, List.of("王芳", "13800138301", "wf_88"))));
        ColumnMappingModel m = new ColumnMappingModel(sheet);

        assertThat(m.headerRowProperty().get()).isEqualTo(1);
        assertThat(m.columns()).extracting(ColumnMappingModel.Column::name).containsExactly("姓名", "号码", "微信");
        assertThat(m.columns()).extracting(c -> c.fieldProperty().get()).containsExactly("name", "ignore", "wechat");
        assertThat(m.columns().get(1).samples()).isEqualTo("13800138301");
        assertThat(m.nameProperty().get()).isEqualTo("x");
        assertThat(m.validProperty().get()).isTrue();

        m.columns().get(1).fieldProperty().set("phone");
        assertThat(m.mapping()).containsExactly(Map.entry("姓名", "name"), Map.entry("号码", "phone"), Map.entry("微信", "wechat"));

        m.nameProperty().set("  ");
        assertThat(m.validProperty().get()).as("no name").isFalse();
        m.nameProperty().set("客户资料");

        // the owner says the header is on row 1: the columns follow, nothing identifies anyone any more
        m.headerRowProperty().set(0);
        assertThat(m.columns()).extracting(ColumnMappingModel.Column::name).containsExactly("客户资料");
        assertThat(m.identifiesProperty().get()).isFalse();
        assertThat(m.validProperty().get()).isFalse();
        m.columns().get(0).fieldProperty().set("name");
        assertThat(m.validProperty().get()).isTrue();
    }

    @Test
    void anUnknownFileOpensTheMappingStepAndSavingItImportsTheCustomers() throws Exception {
        Path file = members();
        assertThat(vm.importFiles(List.of(file))).isTrue();

        ColumnMappingModel m = vm.flow().mappingProperty().get();
        assertThat(m).as("the mapping step is open").isNotNull();
        assertThat(vm.flow().previewProperty().get()).isNull();
        assertThat(vm.flow().busyProperty().get()).isTrue();
        assertThat(m.headerRowProperty().get()).isEqualTo(1);
        assertThat(m.columns()).extracting(ColumnMappingModel.Column::name)
                .containsExactly("会员卡号", "顾客称呼", "联络手机", "微信号码", "消费备忘");
        m.columns().get(1).fieldProperty().set("name");
        m.columns().get(2).fieldProperty().set("phone");
        m.columns().get(3).fieldProperty().set("wechat");
        m.columns().get(4).fieldProperty().set("note");
        m.nameProperty().set("会员登记表");

        vm.flow().saveMapping();

        assertThat(unexpected).isEmpty();
        assertThat(vm.flow().mappingProperty().get()).isNull();
        ImportPreview p = vm.flow().previewProperty().get();
        assertThat(p).as("read again with the saved mapping, then previewed").isNotNull();
        assertThat(p.files()).extracting(ImportPreview.Line::kind).containsExactly("Spreadsheet with a saved column mapping");
        assertThat(p.totals()).contains("3 new customers");
        vm.flow().accept();

        assertThat(new StatsService(db).stats().customers()).isEqualTo(3);
        assertThat(db.dsl().select(CUSTOMER.NAME).from(CUSTOMER).fetch(CUSTOMER.NAME))
                .containsExactlyInAnyOrder("周晓梅", "钱多多", "孙悦");
        assertThat(db.dsl().fetchCount(CONTACT_CHANNEL, CONTACT_CHANNEL.KIND.eq("wechat"))).isEqualTo(2);
        assertThat(service.mappings().list()).extracting(pr -> pr.name()).containsExactly("会员登记表");
        assertThat(vm.flow().busyProperty().get()).isFalse();
    }

    @Test
    void theSameHeaderAgainIsImportedWithTheSavedMappingWithoutAsking() throws Exception {
        service.mappings().save("会员登记表", List.of("会员卡号", "顾客称呼", "联络手机", "微信号码", "消费备忘"),
                Map.of("顾客称呼", "name", "联络手机", "phone"));
        Path file = members();

        vm.importFiles(List.of(file));

        assertThat(vm.flow().mappingProperty().get()).as("not asked again").isNull();
        assertThat(vm.flow().previewProperty().get().totals()).contains("3 new customers");
        vm.flow().decline();
        assertThat(new StatsService(db).stats().customers()).isZero();
    }

    @Test
    void skippingTheMappingImportsTheOtherFilesAndListsThisOneAsUnknown() throws Exception {
        Path file = members();
        Path known = temp.resolve("客户.csv");
        Files.writeString(known, "姓名,电话\n李雷,13800138210\n", StandardCharsets.UTF_8);

        vm.importFiles(List.of(known, file));
        assertThat(vm.flow().mappingProperty().get().sheet().file()).isEqualTo(file);

        vm.flow().skipMapping();

        ImportPreview p = vm.flow().previewProperty().get();
        assertThat(p.files()).extracting(ImportPreview.Line::file).containsExactly("客户.csv");
        assertThat(p.refused()).extracting(ImportPreview.Line::file).containsExactly("会员登记.csv");
        vm.flow().accept();
        assertThat(new StatsService(db).stats().customers()).isEqualTo(1);
        assertThat(service.mappings().list()).isEmpty();
    }
}
