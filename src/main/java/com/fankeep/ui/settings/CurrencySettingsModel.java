package com.fankeep.ui.settings;

import com.fankeep.core.importing.currency.ShopCurrencies;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.RefusedException;
import com.fankeep.ui.common.UiTasks;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Settings' "shop currency per platform": the same service as {@code currency list|set}, read and written off the FX thread. */
public final class CurrencySettingsModel {

    private final ShopCurrencies currencies;
    private final UiTasks tasks;
    private final Supplier<Messages> messages;
    private final ReadOnlyObjectWrapper<Map<String, String>> codes = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public CurrencySettingsModel(ShopCurrencies currencies, UiTasks tasks, Supplier<Messages> messages) {
        this.currencies = currencies;
        this.tasks = tasks;
        this.messages = messages;
    }

    /** Platform → currency (null where none is set and there is no default), in ShopCurrencies.PLATFORMS order. */
    public ReadOnlyObjectProperty<Map<String, String>> codesProperty() {
        return codes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void load() {
        tasks.call(currencies::all, codes::set, tasks::reportUnexpected);
    }

    public void set(String platform, String code) {
        tasks.call(() -> {
            currencies.set(platform, code);
            return currencies.all();
        }, all -> {
            codes.set(all);
            status.set(messages.get().get("import.currency.saved"));
        }, failure -> {
            if (failure instanceof RefusedException r) {
                status.set(r.localized(messages.get()));
            } else {
                tasks.reportUnexpected(failure);
            }
        });
    }
}
