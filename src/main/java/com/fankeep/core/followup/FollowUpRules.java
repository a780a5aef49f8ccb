package com.fankeep.core.followup;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportListener;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.settings.FollowUpRuleSettings;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.template.TemplateService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates follow-ups automatically: send the tracking number when an order has one, ask how it went N days after
 * shipping, birthday wishes (yearly), win back a customer lapsed N days. Each is keyed by follow_up.origin_key, so
 * running the rules again (after every import, on start) never makes a second one, and a follow-up the owner
 * cancelled stays cancelled. A cancelled, closed or refunded order cancels its open follow-ups. Runs after each
 * committed import and on start. After an import the order rules (tracking, delivery check, dead orders) look only at
 * the orders of the customers it touched: nothing else's orders changed, and the full run on start (and
 * {@code followups run-rules}) catches what time alone changes. Birthdays and win-backs, customer-sized and partly
 * driven by the date, run whole after the first import of a day that saw no full run, and otherwise only for the
 * customers the import wrote (ADR 0043): nothing else's birthday or last order changed since that day's full run. The
 * day's full run and the import batches it covers are kept in the database, so a new process (the CLI) knows it (ADR 0049).
 */
public final class FollowUpRules implements ImportListener {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpRules.class);

    /** What one run did. */
    public record Result(int created, int cancelled) {
    }

    private final Database database;
    private final SettingsService settings;
    private final TemplateService templates;
    private final Clock clock;

    public FollowUpRules(Database database, SettingsService settings, TemplateService templates, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.templates = templates;
        this.clock = clock;
    }

    static String birthdayKey(long customerId, int year) {
        return "birthday:" + customerId + ":" + year;
    }

    /** Past this many touched customers the order rules read every shipped order (one scan beats many lookups). */
    static final int SCOPED_LIMIT = 20_000;
    private static final int CHUNK = 1_000;

    @Override
    public void committed(ImportSummary summary) {
        after(null, null, List.of());
    }

    @Override
    public void committed(ImportSummary summary, java.util.Set<Long> orderCustomerIds) {
        after(orderCustomerIds.size() > SCOPED_LIMIT ? null : orderCustomerIds, null, List.of());
    }

    @Override
    public void committed(ImportSummary summary, java.util.Set<Long> orderCustomerIds, Written written) {
        boolean small = written.customers().size() <= SCOPED_LIMIT;
        List<Long> batches = summary.files().stream().map(com.fankeep.core.importing.FileSummary::batchId)
                .filter(java.util.Objects::nonNull).toList();
        after(small ? orderCustomerIds : null, small ? written.customers() : null, batches);
    }

    private void after(java.util.Set<Long> touched, java.util.Set<Long> written, List<Long> batches) {
        try {
            Result r = run(touched, written, batches);
            LOG.info("follow-up rules after import: {} created, {} cancelled", r.created(), r.cancelled());
        } catch (RuntimeException e) {
            // the import is committed; the rules run again on the next start and import
            LOG.warn("follow-up rules after import failed", e);
        }
    }

    /** Runs every switched-on rule once; safe to run any number of times. */
    public Result run() {
        return run(null, null, List.of());
    }

    /** As {@link #run(java.util.Set, java.util.Set)}, with the birthdays and win-backs of everyone. */
    Result run(java.util.Set<Long> touched) {
        return run(touched, null, List.of());
    }

    /**
     * As {@link #run()}, with the order rules limited to the orders of {@code touched} customers (null: every order),
     * and the birthday and win-back rules to the {@code written} customers (null: everyone) of the import of these
     * {@code batches} when the database says a full run was made today with these settings and every import since had
     * its rules run (ADR 0049). Equal to a full run when the rules had run on everything else already.
     */
    Result run(java.util.Set<Long> touched, java.util.Set<Long> written, java.util.Collection<Long> batches) {
        List<List<Long>> chunks = touched == null ? null : chunks(touched);
        LocalDate day = LocalDate.now(clock);
        FollowUpRuleSettings s = settings.followUpRules();
        Messages m = Messages.of(settings.language().locale(java.util.Locale.getDefault()));
        String locale = TemplateService.templateLocale(m.locale());
        Long shippingTemplate = templates.builtinId("shipping_notice", locale).orElse(null);
        Long deliveryTemplate = templates.builtinId("delivery_check", locale).orElse(null);
        Long birthdayTemplate = templates.builtinId("birthday", locale).orElse(null);
        Long winBackTemplate = templates.builtinId("win_back", locale).orElse(null);
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return database.transactionResult(tx -> {
            RulesRepository rules = new RulesRepository(tx);
            FollowUpRepository repo = new FollowUpRepository(tx);
            RulesRepository.FullRun fullRun = written == null ? null : rules.fullRun().orElse(null);
            boolean scoped = fullRun != null && fullRun.day().equals(day) && fullRun.settings().equals(s.toString())
                    && !rules.batchesAfter(fullRun.coveredBatch(), batches);
            List<List<Long>> people = scoped ? chunks(written) : null;
            List<Long> dead = new java.util.ArrayList<>();
            if (chunks == null) {
                dead.addAll(rules.deadOrdersWithOpenFollowUps());
            } else {
                chunks.forEach(c -> dead.addAll(rules.deadOrdersWithOpenFollowUps(c)));
            }
            int cancelled = dead.isEmpty() ? 0 : repo.cancelOpenOfOrders(dead, now);
            int created = 0;
            OffsetDateTime horizon = today.minusDays(s.horizonDays()).atStartOfDay(zone).toOffsetDateTime();
            if (s.tracking() || s.deliveryCheck()) {
                OffsetDateTime since = s.deliveryCheck() ? horizon.minusDays(s.deliveryCheckDays()) : horizon;
                List<RulesRepository.ShippedOrder> shippedOrders = new java.util.ArrayList<>();
                if (chunks == null) {
                    shippedOrders.addAll(rules.shippedSince(since));
                } else {
                    chunks.forEach(c -> shippedOrders.addAll(rules.shippedSince(since, c)));
                    shippedOrders.sort(java.util.Comparator.comparingLong(RulesRepository.ShippedOrder::orderId));
                }
                for (RulesRepository.ShippedOrder o : shippedOrders) {
                    LocalDate shipped = o.shippedAt().atZoneSameInstant(zone).toLocalDate();
                    boolean inTransit = o.status().equals("paid") || o.status().equals("shipped");
                    if (s.tracking() && inTransit && !o.shippedAt().isBefore(horizon)) {
                        String title = m.get("followups.rule.tracking.title", o.trackingNo(), o.externalId());
                        created += add(repo, o.customerId(), title, FollowUpReason.SEND_TRACKING, today, shippingTemplate,
                                o.orderId(), "tracking:" + o.orderId(), now);
                    }
                    LocalDate check = shipped.plusDays(s.deliveryCheckDays());
                    if (s.deliveryCheck() && !check.isBefore(today.minusDays(s.horizonDays()))) {
                        String title = m.get("followups.rule.delivery.title", o.externalId());
                        created += add(repo, o.customerId(), title, FollowUpReason.DELIVERY_CHECK, check, deliveryTemplate,
                                o.orderId(), "delivery:" + o.orderId(), now);
                    }
                }
            }
            if (s.birthday()) {
                List<RulesRepository.BirthdayPerson> birthdays = new java.util.ArrayList<>();
                if (people == null) {
                    birthdays.addAll(rules.birthdays());
                } else {
                    people.forEach(c -> birthdays.addAll(rules.birthdays(c)));
                }
                for (RulesRepository.BirthdayPerson p : birthdays) {
                    MonthDay md;
                    try {
                        md = MonthDay.of(p.month(), p.day());
                    } catch (java.time.DateTimeException e) {
                        continue;   // e.g. Apr 31 from a sloppy sheet
                    }
                    if (!repo.openOf(p.customerId(), FollowUpReason.BIRTHDAY).isEmpty()) {
                        continue;
                    }
                    LocalDate next = RecurrenceCalculator.birthdayOnOrAfter(md, today);
                    NewFollowUp n = new NewFollowUp(m.get("followups.rule.birthday.title"), FollowUpReason.BIRTHDAY,
                            next, null, null, birthdayTemplate, Recurrence.birthday());
                    // anchored in a leap year, so Feb 29 birthdays come back on Feb 29 in leap years
                    if (repo.insert(p.customerId(), n, null, birthdayKey(p.customerId(), next.getYear()), null,
                            md.atYear(2000), now).isPresent()) {
                        created++;
                    }
                }
            }
            if (s.winBack()) {
                OffsetDateTime lapsedFrom = horizon.minusDays(s.winBackDays());
                OffsetDateTime lapsedTo = now.minusDays(s.winBackDays());
                List<RulesRepository.LastOrder> lapsed = new java.util.ArrayList<>();
                List<Long> back = new java.util.ArrayList<>();
                if (people == null) {
                    lapsed.addAll(rules.lastOrderBetween(lapsedFrom, lapsedTo));
                    back.addAll(rules.openWinBacksOfCustomersOrderingSince(lapsedTo));
                } else {
                    people.forEach(c -> lapsed.addAll(rules.lastOrderBetween(lapsedFrom, lapsedTo, c)));
                    people.forEach(c -> back.addAll(rules.openWinBacksOfCustomersOrderingSince(lapsedTo, c)));
                }
                for (RulesRepository.LastOrder l : lapsed) {
                    LocalDate last = l.lastOrderAt().atZoneSameInstant(zone).toLocalDate();
                    String title = m.get("followups.rule.winBack.title", s.winBackDays());
                    created += add(repo, l.customerId(), title, FollowUpReason.WIN_BACK, today, winBackTemplate, null,
                            "win_back:" + l.customerId() + ":" + last, now);
                }
                for (long id : back) {
                    repo.cancel(id, now);
                    cancelled++;
                }
            }
            // the day's full run, and what it covered: every import up to the highest batch had its rules run
            long covered = scoped ? Math.max(fullRun.coveredBatch(), batches.stream().mapToLong(Long::longValue).max().orElse(0))
                    : rules.lastBatch();
            rules.fullRun(new RulesRepository.FullRun(day, covered, s.toString()));
            return new Result(created, cancelled);
        });
    }

    private static List<List<Long>> chunks(java.util.Set<Long> ids) {
        List<Long> sorted = ids.stream().sorted().toList();
        List<List<Long>> out = new java.util.ArrayList<>();
        for (int i = 0; i < sorted.size(); i += CHUNK) {
            out.add(sorted.subList(i, Math.min(sorted.size(), i + CHUNK)));
        }
        return out;
    }

    private static int add(FollowUpRepository repo, long customerId, String title, FollowUpReason reason, LocalDate due,
                           Long templateId, Long orderId, String originKey, OffsetDateTime now) {
        NewFollowUp n = new NewFollowUp(title, reason, due, null, null, templateId, null);
        return repo.insert(customerId, n, orderId, originKey, null, null, now).isPresent() ? 1 : 0;
    }

}
