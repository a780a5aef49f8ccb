package com.fankeep.ui;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.followup.FollowUpRules;
import com.fankeep.core.followup.FollowUpService;
import com.fankeep.core.interaction.InteractionService;
import com.fankeep.core.template.TemplateService;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.insight.StatsService;
import com.fankeep.core.settings.SettingsService;
import java.nio.file.Path;

/** The core services the desktop app uses, created once in {@link FanKeepApp#init()} and passed to the views' ViewModels. */
public record AppServices(Path dataFolder, StatsService stats, SettingsService settings, ImportService imports,
                          InteractionService interactions, FollowUpService followUps, TemplateService templates,
                          FollowUpRules followUpRules) {

    public static AppServices over(Database database) {
        return over(CoreServices.over(database));
    }

    public static AppServices over(CoreServices core) {
        return new AppServices(core.database().dataDir(), core.stats(), core.settings(), core.imports(),
                core.interactions(), core.followUps(), core.templates(), core.followUpRules());
    }
}
