package com.fankeep.core.privacy;

import com.fankeep.core.backup.BackupException;
import com.fankeep.core.backup.BackupInfo;
import com.fankeep.core.backup.BackupRewrite;
import com.fankeep.core.backup.BackupService;
import com.fankeep.core.db.Database;
import com.fankeep.core.db.DatabaseOpenException;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases the erased customers from the backups too: every backup in the backups folder gets the same erasure for each
 * entry of the erasure log, rewritten safely ({@link BackupRewrite}: a new verified file, same date, renamed over the
 * old one). The log holds only the customer number; numbers are stable across backups of one database, and the
 * record's creation time (kept by the erasure) must match too, so a different person who got the same number in
 * another database's backup is left alone. A backup that holds none of them is left byte for byte as it was.
 */
public final class ErasedInBackups {

    private static final Logger LOG = LoggerFactory.getLogger(ErasedInBackups.class);

    /** One entry of the erasure log. */
    record Erasure(long customerId, OffsetDateTime at, String reason) {
    }

    /** An erasure with the customer records it cleared and when each was created. */
    private record Target(Erasure erasure, Map<Long, OffsetDateTime> records) {
    }

    /** What a run did: backups looked at, rewritten, customer records erased in them, and backups it could not change. */
    public record Report(int backups, int rewritten, int recordsErased, List<String> failed) {

        public Report {
            failed = List.copyOf(failed);
        }
    }

    private final Database live;
    private final BackupService backups;

    /** Over the database {@code erasure} works on and its backups. */
    public ErasedInBackups(ErasureService erasure, BackupService backups) {
        this.live = erasure.database();
        this.backups = backups;
    }

    /** How many backups there are in the backups folder (the offer after an erasure names it). */
    public int backupCount() {
        return backups.list().size();
    }

    public Report purge(Progress progress, Cancellation cancellation) {
        List<Target> targets = live.transactionResult(tx -> {
            ErasureRepository repo = new ErasureRepository(tx);
            List<Target> out = new ArrayList<>();
            for (Erasure e : repo.erasures()) {
                out.add(new Target(e, repo.createdAt(repo.withMergedRecords(e.customerId()))));
            }
            return out;
        });
        List<BackupInfo> list = backups.list();
        int rewritten = 0;
        int erased = 0;
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < list.size() && !targets.isEmpty(); i++) {
            cancellation.check();
            BackupInfo b = list.get(i);
            progress.update(i, list.size(), b.file().getFileName().toString());
            int[] n = {0};
            try {
                if (BackupRewrite.apply(b.file(), live.key(), copy -> (n[0] = copy.transactionResult(tx -> eraseIn(new ErasureRepository(tx), targets))) > 0)) {
                    rewritten++;
                    erased += n[0];
                }
            } catch (BackupException | DatabaseOpenException e) {
                LOG.warn("could not erase customers in backup {}: {}", b.file().getFileName(), e.getMessage());
                failed.add(b.file().getFileName() + ": " + e.getMessage());
            }
        }
        progress.update(list.size(), list.size(), "");
        LOG.info("erased customers in backups: {} of {} backups rewritten, {} records erased, {} failed", rewritten,
                list.size(), erased, failed.size());
        return new Report(list.size(), rewritten, erased, failed);
    }

    /** Applies the erasures to a copy; returns the customer records erased in it (0: nothing to change). */
    private static int eraseIn(ErasureRepository repo, List<Target> targets) {
        int n = 0;
        for (Target t : targets) {
            List<Long> here = new ArrayList<>();
            Map<Long, OffsetDateTime> created = repo.createdAt(List.copyOf(t.records().keySet()));
            for (Map.Entry<Long, OffsetDateTime> r : t.records().entrySet()) {
                OffsetDateTime inCopy = created.get(r.getKey());
                if (inCopy != null && inCopy.isEqual(r.getValue()) && Boolean.FALSE.equals(repo.erased(r.getKey()))) {
                    here.add(r.getKey());
                }
            }
            if (!here.isEmpty()) {
                ErasureService.eraseRecords(repo, t.erasure().customerId(), here, t.erasure().at());
                repo.log(t.erasure().at(), t.erasure().customerId(), t.erasure().reason());
                n += here.size();
            }
        }
        return n;
    }
}
