package com.fankeep.ui.launches;

import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.EmptyState;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** Limited launches: teaser, first batch for old customers, then public sale. The next step is knowing the old customers. */
public final class LaunchesView {

    public static final Ikon ICON = MaterialDesignR.ROCKET_LAUNCH_OUTLINE;

    private final Node root;

    /** @param openCustomers the next step the empty page offers */
    public LaunchesView(Messages m, Runnable openCustomers) {
        root = new EmptyState(ICON, m.get("launches.empty.title"), m.get("launches.empty.body"))
                .action(m.get("launches.empty.action"), openCustomers)
                .node();
    }

    public Node node() {
        return root;
    }
}
