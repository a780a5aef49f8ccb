package com.fankeep.ui.groups;

import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.EmptyState;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/** Fan groups: tiers from purchase history, hand-picked groups and rule-based segments. Empty until orders are imported. */
public final class GroupsView {

    public static final Ikon ICON = MaterialDesignA.ACCOUNT_GROUP_OUTLINE;

    private final Node root;

    /** @param importOrders the next step the empty page offers */
    public GroupsView(Messages m, Runnable importOrders) {
        root = new EmptyState(ICON, m.get("groups.empty.title"), m.get("groups.empty.body"))
                .action(m.get("groups.empty.action"), importOrders)
                .node();
    }

    public Node node() {
        return root;
    }
}
