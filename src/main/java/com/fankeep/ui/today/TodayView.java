package com.fankeep.ui.today;

import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.EmptyState;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** Today: who to get in touch with today (tracking numbers, check-ins, birthdays, due follow-ups). Empty until customers exist. */
public final class TodayView {

    public static final Ikon ICON = MaterialDesignC.CALENDAR_CHECK_OUTLINE;

    private final Node root;

    /**
     * @param importOrders the next step the empty page offers
     * @param loadSample   imports the invented sample shop, to look around before importing real exports
     */
    public TodayView(Messages m, Runnable importOrders, Runnable loadSample) {
        root = new EmptyState(ICON, m.get("today.empty.title"), m.get("today.empty.body"))
                .action(m.get("today.empty.action"), importOrders)
                .secondaryAction(m.get("imports.loadSample"), "load-sample-data", loadSample)
                .node();
    }

    public Node node() {
        return root;
    }
}
