package com.fankeep.ui.referrals;

import com.fankeep.core.referral.ReferralNode;
import com.fankeep.core.referral.ReferralService;
import com.fankeep.core.referral.TopReferrer;
import com.fankeep.ui.common.UiTasks;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Top referrers (who brought the most customers, and what those spent), read off the FX thread. */
public final class ReferrersViewModel {

    /** Referrers listed at most. */
    static final int SHOWN = 100;

    private final ReferralService referrals;
    private final UiTasks tasks;
    private final ObservableList<TopReferrer> top = FXCollections.observableArrayList();
    private final ObjectProperty<ReferralService.Rank> rank = new SimpleObjectProperty<>(ReferralService.Rank.REFERRED);

    public ReferrersViewModel(ReferralService referrals, UiTasks tasks) {
        this.referrals = referrals;
        this.tasks = tasks;
        rank.addListener((o, was, now) -> load());
    }

    public ObservableList<TopReferrer> top() {
        return top;
    }

    public ObjectProperty<ReferralService.Rank> rank() {
        return rank;
    }

    public void load() {
        ReferralService.Rank by = rank.get();
        tasks.call(() -> referrals.top(SHOWN, by), list -> {
            if (by == rank.get()) {
                top.setAll(list);
            }
        });
    }

    /** The customers {@code referrerId} brought directly. */
    public void referred(long referrerId, Consumer<List<ReferralNode>> shown) {
        tasks.call(() -> referrals.tree(referrerId).down().children(), shown);
    }
}
