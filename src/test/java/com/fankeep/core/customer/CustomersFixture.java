package com.fankeep.core.customer;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/** A small customer sheet (张三, 李四, 单丽, 曾强 …) imported through the real import, for the workspace tests. */
public final class CustomersFixture {

    public static final String SHEET = """
            姓名,电话,微信,城市
            张三,13800138000,,杭州
            李四,139-0013-9001,lisi_wx,上海
            单丽,13700137002,,杭州
            曾强,13600136003,zq888,北京
            王五,13500135004,,广州
            """;

    private CustomersFixture() {
    }

    public static Path writeSheet(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path sheet = dir.resolve("老客户.csv");
        Files.writeString(sheet, SHEET, StandardCharsets.UTF_8);
        return sheet;
    }

    public static ImportSummary importSheet(CoreServices services, Path dir) throws IOException {
        return services.imports().importNow(new ImportRequest(List.of(writeSheet(dir)), null, null, ZoneId.of("Asia/Shanghai")),
                Progress.NONE, Cancellation.none());
    }

    public static long idOf(Database db, String name) {
        return db.dsl().select(com.fankeep.core.db.jooq.Tables.CUSTOMER.ID).from(com.fankeep.core.db.jooq.Tables.CUSTOMER)
                .where(com.fankeep.core.db.jooq.Tables.CUSTOMER.NAME.eq(name)).fetchSingle().value1();
    }
}
