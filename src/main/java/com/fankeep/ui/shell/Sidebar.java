package com.fankeep.ui.shell;

import com.fankeep.core.shared.Messages;
import java.util.EnumMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

/** The navigation column: the app name, one button per page, Settings at the bottom. */
final class Sidebar {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final VBox root = new VBox();
    private final Map<PageId, Button> buttons = new EnumMap<>(PageId.class);

    /** @param go what a click on a page's button does (opens it) */
    Sidebar(Messages m, ShellViewModel shell, java.util.function.Consumer<PageId> go) {
        Label appName = new Label(m.get("app.name"), new FontIcon(MaterialDesignH.HEART_OUTLINE));
        appName.getStyleClass().add("app-name");
        root.getChildren().add(appName);
        for (PageId page : PageId.values()) {
            if (page == PageId.SETTINGS) {
                Region spacer = new Region();
                VBox.setVgrow(spacer, Priority.ALWAYS);
                root.getChildren().add(spacer);
            }
            Button button = new Button(m.get(page.navKey()), new FontIcon(page.icon()));
            button.setId(page.navId());
            button.getStyleClass().add("nav-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setMnemonicParsing(false);
            button.setOnAction(e -> go.accept(page));
            buttons.put(page, button);
            root.getChildren().add(button);
        }
        root.getStyleClass().add("sidebar");
        // never narrower than its longest entry, in whichever language: no "Limited launc…"
        root.setMinWidth(Region.USE_PREF_SIZE);
        select(shell.page());
    }

    void select(PageId page) {
        buttons.forEach((p, b) -> b.pseudoClassStateChanged(SELECTED, p == page));
    }

    Node node() {
        return root;
    }
}
