package com.fankeep.ui.campaigns;

import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.EmptyState;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;

/** Gift campaigns: small limited gifts fans claim. A campaign needs an audience, so the next step is a fan group. */
public final class CampaignsView {

    public static final Ikon ICON = MaterialDesignG.GIFT_OUTLINE;

    private final Node root;

    /** @param openGroups the next step the empty page offers */
    public CampaignsView(Messages m, Runnable openGroups) {
        root = new EmptyState(ICON, m.get("campaigns.empty.title"), m.get("campaigns.empty.body"))
                .action(m.get("campaigns.empty.action"), openGroups)
                .node();
    }

    public Node node() {
        return root;
    }
}
