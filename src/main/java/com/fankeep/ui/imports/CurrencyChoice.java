package com.fankeep.ui.imports;

import atlantafx.base.theme.Styles;
import com.fankeep.core.importing.currency.CurrencyQuestion;
import com.fankeep.core.importing.currency.ShopCurrencies;
import com.fankeep.core.shared.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The preview's currency line: on the first import from a platform a question ("Which currency are your Shopify
 * prices in?"), later a plain statement; either way a picker that reads the files again in the picked currency.
 */
final class CurrencyChoice {

    private CurrencyChoice() {
    }

    /** @param picked called with a code other than the one used, to read the files again in it */
    static Node node(CurrencyQuestion q, Messages m, Consumer<String> picked) {
        String platforms = String.join(" / ", q.platforms().stream().map(p -> platformName(p, m)).toList());
        Label text = new Label(m.get(q.firstTime() ? "import.currency.question" : "import.currency.using", platforms),
                new FontIcon(MaterialDesignC.CASH_MULTIPLE));
        text.setWrapText(true);
        if (q.firstTime()) {
            text.getStyleClass().add(Styles.TEXT_BOLD);
        }
        text.setId("preview-currency-text");
        List<String> codes = new ArrayList<>(ShopCurrencies.COMMON);
        if (!codes.contains(q.code())) {
            codes.addFirst(q.code());
        }
        ComboBox<String> box = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(codes));
        box.setId("preview-currency");
        box.setValue(q.code());
        box.setOnAction(e -> {
            String code = box.getValue();
            if (code != null && !code.equals(q.code())) {
                picked.accept(code);
            }
        });
        Label hint = new Label(m.get(q.firstTime() ? "import.currency.questionHint" : "import.currency.usingHint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        HBox row = new HBox(10, text, box);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox out = new VBox(4, row, hint);
        out.getStyleClass().add("preview-currency");
        return out;
    }

    static String platformName(String platform, Messages m) {
        String key = "customers.platform." + platform;
        return m.bundle().containsKey(key) ? m.get(key) : platform;
    }
}
