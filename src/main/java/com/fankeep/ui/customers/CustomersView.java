package com.fankeep.ui.customers;

import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.EmptyState;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/** Customers: everyone who bought, merged across shops and files. Empty until the first import. */
public final class CustomersView {

    public static final Ikon ICON = MaterialDesignA.ACCOUNT_MULTIPLE_OUTLINE;

    private final Node root;

    /**
     * @param importOrders the next step the empty page offers
     * @param loadSample   imports the invented sample shop, to look around before importing real exports
     */
    public CustomersView(Messages m, Runnable importOrders, Runnable loadSample) {
        root = new EmptyState(ICON, m.get("customers.empty.title"), m.get("customers.empty.body"))
                .action(m.get("customers.empty.action"), importOrders)
                .secondaryAction(m.get("imports.loadSample"), "load-sample-data", loadSample)
                .node();
    }

    public Node node() {
        return root;
    }
}
