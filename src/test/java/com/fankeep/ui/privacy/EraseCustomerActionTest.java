package com.fankeep.ui.privacy;

import com.fankeep.ui.common.FakeDialogs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.backup.BackupService;
import com.fankeep.core.customer.CustomerChangeListener;
import com.fankeep.core.db.Database;
import com.fankeep.core.privacy.ErasedInBackups;
import com.fankeep.core.privacy.ErasureResult;
import com.fankeep.core.privacy.ErasureService;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EraseCustomerActionTest {

    @TempDir
    Path temp;

    private final List<Throwable> unexpected = new ArrayList<>();
    private final UiTasks tasks = UiTasks.direct(unexpected::add);

    private static long customer(Database db) {
        return db.transactionResult(dsl -> {
            long id = dsl.fetchOne("select id from final table (insert into customer (name) values ('wang xiaoming'))").get(0, Long.class);
            dsl.execute("insert into contact_channel (customer_id, kind, raw_value, normalized_value) "
                    + "values (?, 'phone', '13812345678', '+8613812345678')", id);
            return id;
        });
    }

    @Test
    void afterAnErasureTheBackupsAreOfferedAndPurgedWhenTheOwnerAgrees() throws Exception {
        FakeDialogs dialogs = new FakeDialogs();
        try (Database db = Database.open(temp.resolve("shop"))) {
            long id = customer(db);
            BackupService backups = new BackupService(db);
            backups.backupNow();
            ErasureService erasure = new ErasureService(db, CustomerChangeListener.NONE);
            List<ErasureResult> erased = new ArrayList<>();
            new EraseCustomerAction(erasure, new ErasedInBackups(erasure, backups), tasks, dialogs,
                    () -> Messages.of(Locale.ENGLISH)).erase(id, erased::add);

            assertThat(erased).singleElement().extracting(ErasureResult::customerId).isEqualTo(id);
            assertThat(dialogs.confirmations).extracting(FakeDialogs.Confirmation::actionText).containsExactly("Erase for good", "Erase from the backups");
            assertThat(dialogs.errors).isEmpty();
            assertThat(unexpected).isEmpty();
            assertThat(backups.list().getFirst().rows("contact_channel")).isZero();
            assertThat(backups.list().getFirst().rows("erasure_log")).isEqualTo(1);
        }
    }

    @Test
    void withoutBackupsNothingMoreIsAsked() {
        FakeDialogs dialogs = new FakeDialogs();
        try (Database db = Database.open(temp.resolve("shop"))) {
            long id = customer(db);
            ErasureService erasure = new ErasureService(db, CustomerChangeListener.NONE);
            new EraseCustomerAction(erasure, new ErasedInBackups(erasure, new BackupService(db)), tasks, dialogs,
                    () -> Messages.of(Locale.ENGLISH)).erase(id, r -> { });
            assertThat(dialogs.confirmations).extracting(FakeDialogs.Confirmation::actionText).containsExactly("Erase for good");
            assertThat(unexpected).isEmpty();
        }
    }
}
