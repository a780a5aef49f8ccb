package com.fankeep.testing;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.importing.SampleData;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;

/** The bundled sample shop (every platform's synthetic export) imported into a database, for tests that need real data. */
public final class SampleShop {

    private SampleShop() {
    }

    public static void load(Database db, Path workDir) {
        try {
            var files = SampleData.extractTo(workDir);
            new ImportService(db).importNow(new ImportRequest(files, null, null, ZoneId.of("Asia/Shanghai")),
                    Progress.NONE, Cancellation.none());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
