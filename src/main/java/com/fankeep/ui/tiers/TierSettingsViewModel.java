package com.fankeep.ui.tiers;

import com.fankeep.core.shared.Messages;
import com.fankeep.core.tier.RecomputeResult;
import com.fankeep.core.tier.Tier;
import com.fankeep.core.tier.TierCount;
import com.fankeep.core.tier.TierService;
import com.fankeep.core.tier.TierSettings;
import com.fankeep.ui.common.UiTasks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The tier thresholds and exchange rates in Settings. Every edit asks (debounced, off the FX thread) how many customers
 * each tier would hold; "save" stores them and recomputes every tier as a job with progress and cancel.
 */
public final class TierSettingsViewModel {

    /** One threshold field per name: iron.minOrders, iron.minSpend, … (as the section lays them out). */
    public static final List<String> FIELDS = List.of("ironMinOrders", "ironMinSpend", "ironWithinDays", "vipMinOrders",
            "vipMinSpend", "vipWithinDays", "newMaxOrders", "newWithinDays", "lapsedAfterDays");

    private final TierService tiers;
    private final UiTasks tasks;
    private final Supplier<Messages> messages;
    private final Consumer<Runnable> debounce;
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final Map<String, StringProperty> rates = new LinkedHashMap<>();
    private final BooleanProperty countReferrals = new SimpleBooleanProperty();
    private final StringProperty mainCurrency = new SimpleStringProperty("CNY");
    private final Map<String, StringProperty> preview = new LinkedHashMap<>();
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty moved = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final javafx.beans.property.IntegerProperty currencies = new javafx.beans.property.SimpleIntegerProperty();
    private boolean loading;
    private boolean listening;
    private long asked;

    /** @param debounce runs the preview a moment after the last edit (tests: at once) */
    public TierSettingsViewModel(TierService tiers, UiTasks tasks, Supplier<Messages> messages, Consumer<Runnable> debounce) {
        this.tiers = tiers;
        this.tasks = tasks;
        this.messages = messages;
        this.debounce = debounce;
        for (String f : FIELDS) {
            fields.put(f, new SimpleStringProperty(""));
        }
        for (Tier t : Tier.values()) {
            preview.put(t.code(), new SimpleStringProperty(""));
        }
        preview.put("none", new SimpleStringProperty(""));
    }

    /** Reads the stored settings (and the currencies customers paid in) and shows the preview of them. */
    public void load() {
        tasks.call(() -> new Loaded(tiers.settings(), tiers.currencies(), tiers.movedInto(monthStart())), this::show);
    }

    private record Loaded(TierSettings settings, List<String> currencies, List<TierCount> moved) {
    }

    private void show(Loaded l) {
        loading = true;
        TierSettings s = l.settings();
        Map<String, String> v = Map.of("ironMinOrders", "" + s.ironMinOrders(), "ironMinSpend", s.ironMinSpend().toPlainString(),
                "ironWithinDays", "" + s.ironWithinDays(), "vipMinOrders", "" + s.vipMinOrders(), "vipMinSpend",
                s.vipMinSpend().toPlainString(), "vipWithinDays", "" + s.vipWithinDays(), "newMaxOrders", "" + s.newMaxOrders(),
                "newWithinDays", "" + s.newWithinDays(), "lapsedAfterDays", "" + s.lapsedAfterDays());
        v.forEach((k, value) -> fields.get(k).set(value));
        countReferrals.set(s.countReferrals());
        mainCurrency.set(s.mainCurrency());
        TreeSet<String> codes = new TreeSet<>(s.rates().keySet());
        codes.addAll(l.currencies());
        for (String c : codes) {
            BigDecimal rate = s.rates().get(c);
            rates.computeIfAbsent(c, k -> new SimpleStringProperty()).set(rate == null ? "" : rate.toPlainString());
        }
        currencies.set(rates.size());
        showMoved(l.moved());
        loading = false;
        if (!listening) {
            listening = true;
            for (StringProperty p : fields.values()) {
                p.addListener(this::edited);
            }
            for (StringProperty p : rates.values()) {
                p.addListener(this::edited);
            }
            countReferrals.addListener(this::edited);
            mainCurrency.addListener(this::edited);
        }
        askPreview();
    }

    private void showMoved(List<TierCount> counts) {
        Messages m = messages.get();
        List<String> parts = new ArrayList<>();
        for (TierCount c : counts) {
            if (c.tier() != null && c.count() > 0) {
                parts.add(m.get("tier.settings.movedItem", c.count(), m.get("customers.tier." + c.tier())));
            }
        }
        moved.set(m.get("tier.settings.moved", parts.isEmpty() ? m.get("tier.settings.movedNone") : String.join(", ", parts)));
    }

    private void edited(Observable o) {
        if (!loading) {
            debounce.accept(this::askPreview);
        }
    }

    /** The settings as typed, or null (and {@link #problemProperty()} says why) when something cannot be read. */
    TierSettings typed() {
        try {
            Map<String, BigDecimal> r = new LinkedHashMap<>();
            rates.forEach((c, p) -> {
                if (p.get() != null && !p.get().isBlank()) {
                    r.put(c, new BigDecimal(p.get().strip()));
                }
            });
            TierSettings s = new TierSettings(num("ironMinOrders"), money("ironMinSpend"), num("ironWithinDays"),
                    num("vipMinOrders"), money("vipMinSpend"), num("vipWithinDays"), num("newMaxOrders"), num("newWithinDays"),
                    num("lapsedAfterDays"), countReferrals.get(), mainCurrency.get(), r);
            problem.set("");
            return s;
        } catch (IllegalArgumentException e) {
            problem.set(messages.get().get("tier.settings.invalid", e.getMessage()));
            return null;
        }
    }

    private int num(String field) {
        String text = fields.get(field).get();
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": \"" + text + "\"");
        }
    }

    private BigDecimal money(String field) {
        String text = fields.get(field).get();
        try {
            return new BigDecimal(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": \"" + text + "\"");
        }
    }

    private void askPreview() {
        TierSettings s = typed();
        if (s == null) {
            return;
        }
        long ask = ++asked;
        String working = messages.get().get("tier.settings.previewWorking");
        preview.values().forEach(p -> p.set(working));
        tasks.call(() -> tiers.preview(s), counts -> {
            if (ask != asked) {
                return; // a newer edit asked again; its answer is the one to show
            }
            for (TierCount c : counts) {
                preview.get(c.tier() == null ? "none" : c.tier()).set(messages.get().get("tier.settings.previewCount", c.count()));
            }
        });
    }

    /** Stores the settings and recomputes every tier as a job (progress, cancel: it commits chunk by chunk, so cancelling keeps the customers already done). */
    public void save() {
        TierSettings s = typed();
        if (s == null || busy.get()) {
            return;
        }
        busy.set(true);
        Messages m = messages.get();
        watch(tasks.job(m.get("tier.settings.save"), (progress, cancellation) -> {
            tiers.saveSettings(s);
            return tiers.recomputeAll(progress, cancellation);
        }, this::done));
    }

    /** Recomputes every tier with the stored settings. */
    public void recompute() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        watch(tasks.job(messages.get().get("tier.settings.recompute"), tiers::recomputeAll, this::done));
    }

    /** Puts the default thresholds and rates in the fields (saved only with "save"). */
    public void defaults() {
        TierSettings d = TierSettings.DEFAULTS;
        loading = true;
        fields.get("ironMinOrders").set("" + d.ironMinOrders());
        fields.get("ironMinSpend").set(d.ironMinSpend().toPlainString());
        fields.get("ironWithinDays").set("" + d.ironWithinDays());
        fields.get("vipMinOrders").set("" + d.vipMinOrders());
        fields.get("vipMinSpend").set(d.vipMinSpend().toPlainString());
        fields.get("vipWithinDays").set("" + d.vipWithinDays());
        fields.get("newMaxOrders").set("" + d.newMaxOrders());
        fields.get("newWithinDays").set("" + d.newWithinDays());
        fields.get("lapsedAfterDays").set("" + d.lapsedAfterDays());
        countReferrals.set(d.countReferrals());
        mainCurrency.set(d.mainCurrency());
        d.rates().forEach((c, r) -> rates.computeIfAbsent(c, k -> {
            StringProperty p = new SimpleStringProperty();
            p.addListener(this::edited);
            return p;
        }).set(r.toPlainString()));
        currencies.set(rates.size());
        loading = false;
        askPreview();
    }

    private void done(RecomputeResult r) {
        busy.set(false);
        status.set(messages.get().get("tier.settings.done", r.changed(), r.examined()));
        tasks.call(() -> tiers.movedInto(monthStart()), this::showMoved);
    }

    /** A job that failed or was cancelled frees the buttons too (the task panel shows how it ended). */
    private void watch(com.fankeep.ui.common.JobHandle job) {
        job.stateProperty().addListener((o, was, now) -> {
            if (now == com.fankeep.ui.common.JobState.FAILED || now == com.fankeep.ui.common.JobState.CANCELLED) {
                busy.set(false);
            }
        });
    }

    private static java.time.OffsetDateTime monthStart() {
        return LocalDate.now().withDayOfMonth(1).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
    }

    public StringProperty field(String name) {
        return fields.get(name);
    }

    /** Currency → rate text, in the order shown. */
    public Map<String, StringProperty> rates() {
        return rates;
    }

    public BooleanProperty countReferralsProperty() {
        return countReferrals;
    }

    public StringProperty mainCurrencyProperty() {
        return mainCurrency;
    }

    /** Tier code (or "none") → how many customers it would hold under the typed settings. */
    public StringProperty preview(String tier) {
        return preview.get(tier);
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty movedProperty() {
        return moved;
    }

    /** How many currencies have a rate field; changes when fields are added (the section lays them out again). */
    public javafx.beans.property.IntegerProperty currenciesProperty() {
        return currencies;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
