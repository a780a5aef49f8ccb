package com.fankeep.ui.shell;

import com.fankeep.ui.campaigns.CampaignsView;
import com.fankeep.ui.customers.CustomersView;
import com.fankeep.ui.dashboard.DashboardView;
import com.fankeep.ui.duplicates.DuplicatesView;
import com.fankeep.ui.groups.GroupsView;
import com.fankeep.ui.imports.ImportsView;
import com.fankeep.ui.launches.LaunchesView;
import com.fankeep.ui.recovery.RecoveryView;
import com.fankeep.ui.segments.SegmentsView;
import com.fankeep.ui.settings.SettingsView;
import com.fankeep.ui.today.TodayView;
import java.util.Locale;
import org.kordamp.ikonli.Ikon;

/** The pages of the sidebar, in its order. */
public enum PageId {
    DASHBOARD("nav.dashboard", DashboardView.ICON),
    TODAY("nav.today", TodayView.ICON),
    CUSTOMERS("nav.customers", CustomersView.ICON),
    DUPLICATES("nav.duplicates", DuplicatesView.ICON),
    RECOVERY("nav.recovery", RecoveryView.ICON),
    SEGMENTS("nav.segments", SegmentsView.ICON),
    GROUPS("nav.groups", GroupsView.ICON),
    CAMPAIGNS("nav.campaigns", CampaignsView.ICON),
    LAUNCHES("nav.launches", LaunchesView.ICON),
    IMPORTS("nav.imports", ImportsView.ICON),
    SETTINGS("nav.settings", SettingsView.ICON);

    private final String navKey;
    private final Ikon icon;

    PageId(String navKey, Ikon icon) {
        this.navKey = navKey;
        this.icon = icon;
    }

    public String navKey() {
        return navKey;
    }

    public Ikon icon() {
        return icon;
    }

    /** Node id of its sidebar button, e.g. {@code nav-today}. */
    public String navId() {
        return "nav-" + name().toLowerCase(Locale.ROOT);
    }
}
