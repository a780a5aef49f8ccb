package com.fankeep.ui;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.customer.CustomerSearchService;
import com.fankeep.core.customer.CustomerService;
import com.fankeep.core.backup.BackupService;
import com.fankeep.core.db.Database;
import com.fankeep.core.export.CustomerExportService;
import com.fankeep.core.followup.FollowUpRules;
import com.fankeep.core.followup.FollowUpService;
import com.fankeep.core.group.CityCircleService;
import com.fankeep.core.group.GroupService;
import com.fankeep.core.interaction.InteractionService;
import com.fankeep.core.template.TemplateService;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.integrity.IntegrityService;
import com.fankeep.core.insight.StatsService;
import com.fankeep.core.privacy.ErasureService;
import com.fankeep.core.merge.MergeService;
import com.fankeep.core.recovery.RecoveryService;
import com.fankeep.core.referral.ReferralService;
import com.fankeep.core.segment.SegmentService;
import com.fankeep.core.settings.SettingsService;
import java.nio.file.Path;

/** The core services the desktop app uses, created once in {@link FanKeepApp#init()} and passed to the views' ViewModels. */
public record AppServices(Path dataFolder, StatsService stats, SettingsService settings, ImportService imports,
                          CustomerSearchService search, CustomerService customers, BackupService backups,
                          IntegrityService integrity, ErasureService erasure, MergeService merges,
                          RecoveryService recovery, CustomerExportService customerExports,
                          InteractionService interactions, FollowUpService followUps, TemplateService templates,
                          FollowUpRules followUpRules, SegmentService segments, GroupService groups,
                          CityCircleService cityCircles, ReferralService referrals, com.fankeep.core.tier.TierService tiers,
                          com.fankeep.core.campaign.CampaignService campaigns,
                          com.fankeep.core.insight.AggregateService aggregates, com.fankeep.core.insight.DashboardService dashboard,
                          com.fankeep.core.unassigned.UnassignedOrderService unassignedOrders,
                          com.fankeep.core.launch.LaunchService launches) {

    public static AppServices over(Database database) {
        return over(CoreServices.over(database));
    }

    public static AppServices over(CoreServices core) {
        return new AppServices(core.database().dataDir(), core.stats(), core.settings(), core.imports(), core.search(),
                core.customers(), core.backups(), core.integrity(), core.erasure(), core.merges(), core.recovery(),
                core.customerExports(), core.interactions(), core.followUps(), core.templates(), core.followUpRules(),
                core.segments(), core.groups(), core.cityCircles(), core.referrals(), core.tiers(), core.campaigns(),
                core.aggregates(), core.dashboard(), core.unassignedOrders(), core.launches());
    }
}
