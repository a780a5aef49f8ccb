package com.fankeep.ui.dashboard;

import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.EmptyState;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** Dashboard: charts of the fan base. Empty until orders are imported. */
public final class DashboardView {

    public static final Ikon ICON = MaterialDesignC.CHART_BOX_OUTLINE;

    private final Node root;

    /** @param importOrders the next step the empty page offers */
    public DashboardView(Messages m, Runnable importOrders) {
        root = new EmptyState(ICON, m.get("dashboard.empty.title"), m.get("dashboard.empty.body"))
                .action(m.get("dashboard.empty.action"), importOrders)
                .node();
    }

    public Node node() {
        return root;
    }
}
