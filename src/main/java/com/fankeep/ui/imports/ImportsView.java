package com.fankeep.ui.imports;

import atlantafx.base.theme.Styles;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.EmptyState;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * Imports: until the import engine lands, says which exports FanKeep will read. It offers no button on purpose:
 * there is nothing to click through to yet.
 */
public final class ImportsView {

    public static final Ikon ICON = MaterialDesignT.TRAY_ARROW_DOWN;

    /** Bundle keys of the supported sources, in the order a Chinese shop owner meets them. */
    static final List<String> FORMAT_KEYS = List.of(
            "imports.format.taobao", "imports.format.jd", "imports.format.pinduoduo", "imports.format.youzan",
            "imports.format.douyin", "imports.format.shopify", "imports.format.woocommerce", "imports.format.etsy",
            "imports.format.ebay", "imports.format.vcard", "imports.format.any");

    private final Node root;

    public ImportsView(Messages m) {
        root = new EmptyState(ICON, m.get("imports.empty.title"), m.get("imports.empty.body"))
                .extra(supportedFormats(m))
                .node();
    }

    private static Node supportedFormats(Messages m) {
        Label heading = new Label(m.get("imports.supported"));
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        FlowPane chips = new FlowPane(8, 8);
        chips.setAlignment(Pos.CENTER);
        chips.setMaxWidth(600);
        chips.setId("import-formats");
        for (String key : FORMAT_KEYS) {
            Label chip = new Label(m.get(key));
            chip.getStyleClass().add("format-chip");
            chips.getChildren().add(chip);
        }
        VBox box = new VBox(10, heading, chips);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("supported-formats");
        return box;
    }

    public Node node() {
        return root;
    }
}
