package com.fankeep.ui.tiers;

import com.fankeep.core.tier.Tier;
import com.fankeep.core.tier.TierChange;
import com.fankeep.core.tier.TierPin;
import com.fankeep.core.tier.TierService;
import com.fankeep.ui.common.UiTasks;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The tier part of a customer's profile: the pin (if any), pin and unpin, and the tier history. */
public final class CustomerTierViewModel {

    private final TierService tiers;
    private final UiTasks tasks;
    private final ObjectProperty<TierPin> pin = new SimpleObjectProperty<>();
    private final ObservableList<TierChange> history = FXCollections.observableArrayList();
    private long customerId = -1;
    private Runnable changed = () -> { };

    public CustomerTierViewModel(TierService tiers, UiTasks tasks) {
        this.tiers = tiers;
        this.tasks = tasks;
    }

    /** Called after a pin or unpin (the profile reads the customer again for the new tier). */
    public void onChanged(Runnable r) {
        this.changed = r;
    }

    public void show(long id) {
        customerId = id;
        tasks.call(() -> new Loaded(tiers.pin(id), tiers.history(id)), l -> {
            if (id != customerId) {
                return;
            }
            pin.set(l.pin().orElse(null));
            history.setAll(l.history());
        });
    }

    private record Loaded(Optional<TierPin> pin, List<TierChange> history) {
    }

    /** Pins the shown customer at {@code tier}; {@code onInvalid} gets the message when the reason is missing. */
    public void pin(Tier tier, String reason, java.util.function.Consumer<String> onInvalid) {
        long id = customerId;
        if (reason == null || reason.isBlank()) {
            onInvalid.accept("");
            return;
        }
        tasks.call(() -> {
            tiers.pin(id, tier, reason);
            return id;
        }, this::after);
    }

    public void unpin() {
        long id = customerId;
        tasks.call(() -> tiers.unpin(id), removed -> after(id));
    }

    private void after(long id) {
        show(id);
        changed.run();
    }

    public ObjectProperty<TierPin> pinProperty() {
        return pin;
    }

    public ObservableList<TierChange> history() {
        return history;
    }
}
