package com.fankeep.core.app;

import com.fankeep.core.db.Database;
import com.fankeep.core.followup.FollowUpRules;
import com.fankeep.core.followup.FollowUpService;
import com.fankeep.core.interaction.InteractionService;
import com.fankeep.core.template.TemplateService;
import java.time.Clock;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.insight.StatsService;
import com.fankeep.core.settings.SettingsService;

/**
 * The one place services are created and wired to each other (who listens to imports, to customer changes), used
 * by the desktop app and the CLI alike so both run the same logic.
 */
public record CoreServices(Database database, StatsService stats, SettingsService settings, ImportService imports,
                           InteractionService interactions, FollowUpService followUps, TemplateService templates,
                           FollowUpRules followUpRules) {

    public static CoreServices over(Database database) {
        return over(database, Clock.systemDefaultZone());
    }

    /** With a given clock (tests: "today" in the sample shop's time). */
    public static CoreServices over(Database database, Clock clock) {
        ImportService imports = new ImportService(database);
        SettingsService settings = new SettingsService(database);
        InteractionService interactions = new InteractionService(database, clock);
        FollowUpService followUps = new FollowUpService(database, interactions, clock);
        TemplateService templates = new TemplateService(database, settings, clock);
        FollowUpRules followUpRules = new FollowUpRules(database, settings, templates, clock);
        imports.addListener(followUpRules);
        return new CoreServices(database, new StatsService(database), settings, imports,
                interactions, followUps, templates, followUpRules);
    }
}
