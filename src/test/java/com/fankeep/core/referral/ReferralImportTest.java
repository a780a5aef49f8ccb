package com.fankeep.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.group.FanData;
import com.fankeep.core.importing.ImportRequest;
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

/** Youzan's 分销员 column: after the import the named distributors become the buyers' referrers. */
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
}
