package com.fankeep.core.app;

import com.fankeep.core.backup.BackupService;
import com.fankeep.core.campaign.CampaignService;
import com.fankeep.core.customer.CustomerSearchService;
import com.fankeep.core.customer.CustomerService;
import com.fankeep.core.customer.TimelineService;
import com.fankeep.core.db.Database;
import com.fankeep.core.export.CustomerExportService;
import com.fankeep.core.followup.FollowUpRules;
import com.fankeep.core.followup.FollowUpService;
import com.fankeep.core.followup.FollowUpTimelineSource;
import com.fankeep.core.group.CityCircleService;
import com.fankeep.core.group.GroupService;
import com.fankeep.core.importing.FileSummary;
import com.fankeep.core.importing.ImportListener;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.integrity.IntegrityService;
import com.fankeep.core.interaction.InteractionService;
import com.fankeep.core.insight.AggregateService;
import com.fankeep.core.insight.DashboardService;
import com.fankeep.core.insight.StatsService;
import com.fankeep.core.merge.MergeService;
import com.fankeep.core.privacy.ErasedInBackups;
import com.fankeep.core.privacy.ErasureService;
import com.fankeep.core.recovery.RecoveryImportListener;
import com.fankeep.core.recovery.RecoveryService;
import com.fankeep.core.referral.ReferralImportListener;
import com.fankeep.core.referral.ReferralService;
import com.fankeep.core.segment.SegmentService;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.template.TemplateService;
import com.fankeep.core.tier.TierImportListener;
import com.fankeep.core.tier.TierReason;
import com.fankeep.core.tier.TierService;
import com.fankeep.core.customer.CustomerChangeListener;
import java.time.Clock;
import java.util.Objects;

/**
 * The one place services are created and wired to each other (who listens to imports, to customer changes), used
 * by the desktop app and the CLI alike so both run the same logic.
 */
public record CoreServices(Database database, StatsService stats, SettingsService settings, ImportService imports,
                           CustomerSearchService search, TimelineService timeline, CustomerService customers,
                           BackupService backups, IntegrityService integrity, ErasureService erasure,
                           MergeService merges, RecoveryService recovery, CustomerExportService customerExports,
                           InteractionService interactions, FollowUpService followUps, TemplateService templates,
                           FollowUpRules followUpRules, SegmentService segments, GroupService groups,
                           CityCircleService cityCircles, ReferralService referrals, TierService tiers,
                           CampaignService campaigns, com.fankeep.core.launch.LaunchService launches,
                           AggregateService aggregates, DashboardService dashboard) {

    /*
     * The import's listeners and what each must run after (ADR 0057, its table): the others run side by side on two
     * threads. Each reads what the import itself wrote; the edges are where one reads what another writes or both write
     * the same rows. Referrals edit customers through CustomerService: that writes customer rows (as recovery does),
     * recomputes tiers (tier_history's watermark: no two tier runs at once), refreshes the dashboard's facts (the
     * aggregates' rows) and the search index, and marks scan keys (the duplicates scan reads them). The scan runs
     * after the referrals and, on the bulk copy, the stored keys.
     */
    static final String SEARCH_INDEX = "search index";
    static final String TIERS = "tiers";
    static final String AGGREGATES = "aggregates";
    static final String RECOVERY = "recovery";
    static final String FOLLOW_UP_RULES = "follow-up rules";
    static final String REFERRALS = "referrals";
    static final String DUPLICATE_KEYS = "duplicate keys";

    public static CoreServices over(Database database) {
        return over(database, Clock.systemDefaultZone());
    }

    /** With a given clock (tests: "today" in the sample shop's time). */
    public static CoreServices over(Database database, Clock clock) {
        ImportService imports = new ImportService(database);
        SettingsService settings = new SettingsService(database);
        CustomerSearchService search = new CustomerSearchService(database);
        imports.addListener(SEARCH_INDEX, searchIndexSync(search));
        TierService tiers = new TierService(database, settings, clock);
        imports.addListener(TIERS, new TierImportListener(tiers));
        AggregateService aggregates = new AggregateService(database, clock.getZone());
        imports.addListener(AGGREGATES, aggregates.importListener());
        InteractionService interactions = new InteractionService(database, clock);
        FollowUpService followUps = new FollowUpService(database, interactions, clock);
        TimelineService timeline = new TimelineService(database);
        timeline.addSource(new FollowUpTimelineSource(followUps));
        CustomerService customers = new CustomerService(database, search, timeline,
                both(search, both(tiers.changes(TierReason.EDIT), aggregates.factChanges())));
        RecoveryService recovery = new RecoveryService(database, settings, search, clock);
        imports.addListener(RECOVERY, new RecoveryImportListener(recovery), SEARCH_INDEX);
        TemplateService templates = new TemplateService(database, settings, clock);
        FollowUpRules followUpRules = new FollowUpRules(database, settings, templates, clock);
        imports.addListener(FOLLOW_UP_RULES, followUpRules);
        SegmentService segments = new SegmentService(database, clock);
        customers.useSegments(segments);
        GroupService groups = new GroupService(database, GroupSegmentsAdapter.over(segments), clock);
        ReferralService referrals = new ReferralService(database, customers).useRates(() -> tiers.settings().rates());
        CampaignService campaigns = new CampaignService(database, segments, followUps, templates, settings, clock);
        imports.addListener(REFERRALS, new ReferralImportListener(database, referrals), SEARCH_INDEX, TIERS, AGGREGATES, RECOVERY);
        imports.addListener(DUPLICATE_KEYS, new com.fankeep.core.merge.DuplicateKeysOnCopy());
        // in the import's own job, once the referrals' notes are written: the scan of the customers it created or changed
        imports.afterCommit(new com.fankeep.core.merge.ScanAfterImport(new MergeService(database, CustomerChangeListener.NONE)),
                REFERRALS, DUPLICATE_KEYS);
        var launches = new com.fankeep.core.launch.LaunchService(database, segments, groups, followUps, campaigns, settings, clock);
        StatsService stats = new StatsService(database);
        stats.noteAtClose(); // `stats` answers from the note while the file stays as the close left it (ADR 0047)
        return new CoreServices(database, stats, settings, imports,
                search, timeline, customers, new BackupService(database), new IntegrityService(database),
                new ErasureService(database, both(search, both(tiers.changes(TierReason.ERASE), aggregates.changes()))),
                new MergeService(database, both(search, both(tiers.changes(TierReason.MERGE), aggregates.changes()))), recovery,
                new CustomerExportService(database, settings, clock).useChanges(aggregates.factChanges()), interactions, followUps, templates, followUpRules,
                segments, groups, new CityCircleService(database, groups), referrals, tiers,
                campaigns, launches, aggregates,
                new DashboardService(database, settings, clock, new com.fankeep.core.insight.Outcomes(campaigns, launches)));
    }

    /** Orders without a customer (masked buyers): suggestions and attaching them (`orders unassigned|assign`). */
    public com.fankeep.core.unassigned.UnassignedOrderService unassignedOrders() {
        return new com.fankeep.core.unassigned.UnassignedOrderService(database, both(search, both(tiers.changes(TierReason.EDIT), aggregates.changes())));
    }

    /** The shop's currency per platform (Settings, `currency list|set`), kept in the settings. */
    public com.fankeep.core.importing.currency.ShopCurrencies shopCurrencies() {
        return new com.fankeep.core.importing.currency.ShopCurrencies(settings);
    }

    /** Erases the erased customers from the backups too (on demand: `backup purge-erased`, the offer after an erasure). */
    public ErasedInBackups erasedInBackups() {
        return new ErasedInBackups(erasure, backups);
    }

    /** The search index first (what the owner sees at once), then the tiers. */
    private static CustomerChangeListener both(CustomerChangeListener first, CustomerChangeListener second) {
        return ids -> {
            first.customersChanged(ids);
            second.customersChanged(ids);
        };
    }

    /** Keeps the search index in step with imports and their undo. */
    private static ImportListener searchIndexSync(CustomerSearchService search) {
        return new ImportListener() {
            @Override
            public void committed(ImportSummary summary) {
                search.importCommitted(summary.files().stream().map(FileSummary::batchId).filter(Objects::nonNull).toList());
            }

            /** The run names the customers it wrote (ADR 0043): no look-up by batch. */
            @Override
            public void committed(ImportSummary summary, java.util.Set<Long> orderCustomerIds, Written written) {
                search.customersImported(written.customers());
            }

            @Override
            public void undone(long batchId) {
                search.importUndone(batchId);
            }
        };
    }
}
