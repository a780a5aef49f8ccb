package com.fankeep.core.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.bench.TaobaoExportGenerator;
import com.fankeep.core.db.Database;
import com.fankeep.core.followup.FollowUp;
import com.fankeep.core.followup.NewFollowUp;
import com.fankeep.core.importing.ImportBatch;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.integrity.IntegrityReport;
import com.fankeep.core.interaction.ContactMedium;
import com.fankeep.core.interaction.InteractionKind;
import com.fankeep.core.interaction.NewInteraction;
import com.fankeep.core.merge.MergeRecord;
import com.fankeep.core.merge.MergeRequest;
import com.fankeep.core.privacy.ErasureReason;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.PropertyRunner;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counters behind `stats` (core.db.ShopCounters) equal a recount of the tables after every step of random
 * sequences of imports (new and updating orders), their undo, merges and their undo, erasures, customer edits and
 * follow-ups scheduled, done, cancelled and made by the rules.
 */
class ShopCountersProperties {

    @TempDir
    Path temp;

    @Test
    void countersEqualARecountAfterEveryStep() {
        PropertyRunner.check("shop counters", 4, r -> r.nextLong(), seed -> {
            Path dir = Files.createTempDirectory(temp, "try");
            try (Database db = TestDatabases.fresh(dir)) {
                CoreServices services = CoreServices.over(db);
                RandomGenerator r = new java.util.SplittableRandom(seed);
                List<String> steps = new ArrayList<>();
                for (int step = 0; step < 14; step++) {
                    steps.add(step(services, dir, r, step));
                    assertThat(services.stats().stats()).as("after %s", steps).isEqualTo(services.stats().recount());
                }
            }
        });
    }

    @Test
    void dbCheckRepairsAWrongCounterFromARecount() throws Exception {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices services = CoreServices.over(db);
            importFile(services, temp, 1, 0, 40);
            db.dsl().execute("update shop_counter set amount = amount + 7 where name = 'orders'");
            assertThat(services.stats().stats()).isNotEqualTo(services.stats().recount());

            IntegrityReport report = services.integrity().check();

            assertThat(report.repaired()).extracting(IntegrityReport.Problem::where).containsExactly("shop_counter.orders");
            assertThat(report.ok()).isTrue();
            assertThat(services.stats().stats()).isEqualTo(services.stats().recount());
            assertThat(services.integrity().check().repaired()).isEmpty();
        }
    }

    private static String step(CoreServices s, Path dir, RandomGenerator r, int step) throws Exception {
        List<Long> live = s.database().dsl().fetch("select id from customer where merged_into_id is null and erased_at is null "
                + "order by id").getValues(0, Long.class);
        int pick = step == 0 || live.size() < 3 ? 0 : r.nextInt(10);
        long someone = live.isEmpty() ? 0 : live.get(r.nextInt(live.size()));
        switch (pick) {
            case 0, 1 -> {
                // same order numbers with another seed: new orders, and stored ones with a new status (updates)
                long seed = 1 + r.nextInt(3);
                long first = 1000L * r.nextInt(2);
                importFile(s, dir, seed, first, 10 + r.nextInt(30));
                return "import " + seed + "@" + first;
            }
            case 2 -> {
                List<ImportBatch> committed = s.imports().batches().stream().filter(b -> b.status().equals("committed")).toList();
                if (committed.isEmpty()) {
                    return "no undo";
                }
                long id = committed.get(r.nextInt(committed.size())).id();
                return attempt("undo import " + id, () -> s.imports().undo(id));
            }
            case 3 -> {
                long other = live.get(r.nextInt(live.size()));
                if (other == someone) {
                    return "no merge";
                }
                return attempt("merge " + someone + "+" + other,
                        () -> s.merges().merge(new MergeRequest(List.of(someone, other), someone, Map.of())));
            }
            case 4 -> {
                List<MergeRecord> merges = s.merges().history(5);
                if (merges.isEmpty()) {
                    return "no merge undo";
                }
                long id = merges.getFirst().id();
                return attempt("undo merge " + id, () -> s.merges().undo(id));
            }
            case 5 -> {
                s.erasure().erase(someone, ErasureReason.REQUEST);
                return "erase " + someone;
            }
            case 6 -> {
                s.customers().setNote(someone, "note " + step);
                s.customers().rename(someone, "改名" + step);
                return "edit " + someone;
            }
            case 7 -> {
                FollowUp f = s.followUps().schedule(someone, NewFollowUp.on("回访 " + step, s.followUps().today()));
                if (r.nextBoolean()) {
                    s.followUps().done(f.id(), new NewInteraction(someone, InteractionKind.CALL, ContactMedium.PHONE,
                            OffsetDateTime.now(), "done " + step, null, false, false));
                    return "follow-up done " + someone;
                }
                return "follow-up " + someone;
            }
            case 8 -> {
                if (s.followUps().allOpen().isEmpty()) {
                    s.followUps().schedule(someone, NewFollowUp.on("跟进 " + step, s.followUps().today()));
                }
                List<FollowUp> open = s.followUps().allOpen();
                long id = open.get(r.nextInt(open.size())).id();
                s.followUps().cancel(id);
                return "cancel follow-up " + id;
            }
            default -> {
                var result = s.followUpRules().run();
                return "rules " + result;
            }
        }
    }

    private static void importFile(CoreServices s, Path dir, long seed, long firstOrder, int rows) throws Exception {
        Path file = Files.createTempFile(dir, "taobao", ".csv");
        TaobaoExportGenerator.write(file, rows, seed, firstOrder);
        s.imports().importNow(new ImportRequest(List.of(file), null, null, ZoneId.of("Asia/Shanghai")), Progress.NONE,
                Cancellation.none());
    }

    /** A refused step (an undo blocked by later work) changes nothing; the counters must still match. */
    private static String attempt(String what, Runnable work) {
        try {
            work.run();
            return what;
        } catch (IllegalStateException | IllegalArgumentException | com.fankeep.core.shared.RefusedException e) {
            return what + " refused";
        }
    }
}
