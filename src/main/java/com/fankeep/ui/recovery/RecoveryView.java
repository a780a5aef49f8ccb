package com.fankeep.ui.recovery;

import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.EmptyState;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/** Win back old customers (老客户寻回): quiet past buyers as a pipeline. Empty until orders are imported. */
public final class RecoveryView {

    public static final Ikon ICON = MaterialDesignA.ACCOUNT_REACTIVATE_OUTLINE;

    private final Node root;

    /** @param importOrders the next step the empty page offers */
    public RecoveryView(Messages m, Runnable importOrders) {
        root = new EmptyState(ICON, m.get("recovery.empty.title"), m.get("recovery.empty.body"))
                .action(m.get("recovery.empty.action"), importOrders)
                .node();
    }

    public Node node() {
        return root;
    }
}
