package com.fankeep.ui.customers;

import com.fankeep.ui.interaction.CustomerActivityViewModel;
import com.fankeep.core.customer.CustomerFilter;
import com.fankeep.core.customer.CustomerPage;
import com.fankeep.core.customer.CustomerPage.PageCursor;
import com.fankeep.core.customer.CustomerProfile;
import com.fankeep.core.customer.CustomerQuery;
import com.fankeep.core.customer.CustomerRow;
import com.fankeep.core.customer.CustomerSearchService;
import com.fankeep.core.customer.CustomerService;
import com.fankeep.core.customer.CustomerSort;
import com.fankeep.core.customer.InvalidValueException;
import com.fankeep.core.customer.UndoneEdit;
import com.fankeep.core.export.CustomerExportService;
import com.fankeep.core.export.ExportKind;
import com.fankeep.core.export.ExportRequest;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Dialogs;
import com.fankeep.ui.common.FileType;
import com.fankeep.core.shared.Stoppable;
import com.fankeep.core.shared.Progress;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Customers page: the list (pages fetched in the background as the table scrolls; search hits on every
 * keystroke, stale answers dropped), the open profile, and the last edit for the undo bar. Lives as long as the window.
 */
public final class CustomersViewModel {

    static final int PAGE = 200;

    private final CustomerService customers;
    private final CustomerSearchService search;
    private final UiTasks tasks;

    private final ObservableList<CustomerRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObservableList<String> cities = FXCollections.observableArrayList();
    private final ObservableList<String> segments = FXCollections.observableArrayList();
    private final LongProperty total = new SimpleLongProperty(-1);
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty indexReady = new SimpleBooleanProperty();
    private final ObjectProperty<CustomerProfile> profile = new SimpleObjectProperty<>();
    private final javafx.beans.property.IntegerProperty lapseDays =
            new javafx.beans.property.SimpleIntegerProperty(com.fankeep.core.settings.SettingsService.DEFAULT_LAPSE_DAYS);
    private java.util.function.IntSupplier lapseDaySetting;
    private CustomerActivityViewModel activity;
    private com.fankeep.ui.tiers.CustomerTierViewModel tiers;
    private CustomerExportService exports;
    private Dialogs dialogs;
    private final StringProperty exportNotice = new SimpleStringProperty("");
    private final ObjectProperty<UndoneEdit> lastEdit = new SimpleObjectProperty<>();
    private final ObjectProperty<UndoneEdit> lastUndone = new SimpleObjectProperty<>();

    private String searchText = "";
    private CustomerFilter filter = CustomerFilter.NONE;
    private CustomerSort sort = CustomerSort.ID;
    private boolean descending = true;
    /** Each new query bumps this; answers of older ones are dropped. */
    private long generation;
    private PageCursor next;
    private boolean fetching;

    public CustomersViewModel(CustomerService customers, CustomerSearchService search, UiTasks tasks) {
        this.customers = customers;
        this.search = search;
        this.tasks = tasks;
        indexReady.set(search.isReady());
    }

    /** Builds the search index in the background (the window is already up); the list works meanwhile. */
    public void startIndex() {
        if (search.isReady()) {
            indexReady.set(true);
            return;
        }
        // the index the last session saved answers at once; the fresh build replaces it a few seconds later
        tasks.behind(search::loadSnapshot, loaded -> {
            if (loaded) {
                indexBuilt();
            }
            tasks.behind(() -> search.build(Progress.NONE, Stoppable.currentOrNone()), size -> indexBuilt());
        });
    }

    private void indexBuilt() {
        indexReady.set(true);
        if (!searchText.isEmpty()) {
            reload();
        }
    }

    public ObservableList<CustomerRow> rows() {
        return rows;
    }

    public LongProperty total() {
        return total;
    }

    public ReadOnlyBooleanProperty loading() {
        return loading;
    }

    public ReadOnlyBooleanProperty indexReady() {
        return indexReady;
    }

    public ObjectProperty<CustomerProfile> profile() {
        return profile;
    }

    public ObjectProperty<UndoneEdit> lastEdit() {
        return lastEdit;
    }

    public ObjectProperty<UndoneEdit> lastUndone() {
        return lastUndone;
    }

    public String searchText() {
        return searchText;
    }

    public CustomerFilter filter() {
        return filter;
    }

    public CustomerSort sort() {
        return sort;
    }

    public boolean descending() {
        return descending;
    }

    public void search(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.equals(searchText)) {
            searchText = t;
            reload();
        }
    }

    public void filter(CustomerFilter f) {
        filter = f == null ? CustomerFilter.NONE : f;
        reload();
    }

    public void sort(CustomerSort s, boolean desc) {
        if (s != sort || desc != descending) {
            sort = s;
            descending = desc;
            reload();
        }
    }

    /** Starts the list again from its first page (keeps the rows until the answer is in, so nothing flickers). */
    public void reload() {
        long gen = ++generation;
        next = null;
        fetching = true;
        loading.set(true);
        CustomerQuery q = query();
        tasks.call(() -> new Loaded(customers.page(q, null, PAGE), q.search().isEmpty() ? customers.count(q.filter()) : -1),
                loaded -> {
                    if (gen != generation) {
                        return;
                    }
                    rows.setAll(loaded.page().rows());
                    next = loaded.page().next();
                    total.set(loaded.count() >= 0 ? loaded.count() : loaded.page().rows().size());
                    fetching = false;
                    loading.set(false);
                }, e -> {
                    if (gen == generation) {
                        fetching = false;
                        loading.set(false);
                        tasks.reportUnexpected(e);
                    }
                });
    }

    /** The table shows a row near the end: fetch the next page if there is one. */
    public void needRow(int index) {
        if (fetching || next == null || index < rows.size() - PAGE / 2) {
            return;
        }
        long gen = generation;
        PageCursor after = next;
        CustomerQuery q = query();
        fetching = true;
        tasks.call(() -> customers.page(q, after, PAGE), (CustomerPage page) -> {
            if (gen != generation) {
                return;
            }
            rows.addAll(page.rows());
            next = page.next();
            fetching = false;
        }, e -> {
            fetching = false;
            tasks.reportUnexpected(e);
        });
    }

    public boolean hasMore() {
        return next != null;
    }

    private CustomerQuery query() {
        return new CustomerQuery(searchText, filter, sort, descending);
    }

    private record Loaded(CustomerPage page, long count) {
    }

    // --- profile

    public void open(long customerId) {
        tasks.call(() -> customers.profile(customerId).orElse(null), p -> {
            profile.set(p);
            if (p != null && tiers != null) {
                tiers.show(p.id());
            }
            if (p != null && activity != null && (activity.customerProperty().get() == null
                    || activity.customerProperty().get().id() != p.id())) {
                activity.show(p.id(), p.name());
            }
        });
    }

    /**
     * The interactions and follow-ups of the open customer (logged, scheduled and edited from the profile); after a
     * change there the profile is read again, so its timeline shows it.
     */
    public void useActivity(CustomerActivityViewModel activity) {
        this.activity = activity;
        activity.onChanged(() -> {
            CustomerProfile open = profile.get();
            if (open != null) {
                open(open.id());
            }
        });
    }

    /** The open customer's tier: pin, unpin, history; after a pin the profile is read again for the new tier. */
    public void useTiers(com.fankeep.ui.tiers.CustomerTierViewModel tiers) {
        this.tiers = tiers;
        tiers.onChanged(() -> {
            CustomerProfile open = profile.get();
            if (open != null) {
                open(open.id());
            }
        });
    }

    /** The tier panel's ViewModel, or null when the app did not add it. */
    public com.fankeep.ui.tiers.CustomerTierViewModel tiers() {
        return tiers;
    }

    /** Bulk export from the list (CSV, XLSX, vCard) through the same service as the CLI and the Recovery page. */
    public void useExports(CustomerExportService exports, Dialogs dialogs) {
        this.exports = exports;
        this.dialogs = dialogs;
    }

    public boolean canExport() {
        return exports != null;
    }

    /** What the last bulk export wrote (or an empty text). */
    public StringProperty exportNotice() {
        return exportNotice;
    }

    /**
     * Asks where, then exports as a job in the task panel (progress, cancel): the {@code selected} customers, or with
     * {@code allMatching} every customer the list shows for the current search and filter. The export log records it.
     */
    public void export(ExportKind kind, List<Long> selected, boolean allMatching, boolean mask, Messages m) {
        if (exports == null || (!allMatching && selected.isEmpty())) {
            return;
        }
        String ext = kind.extension();
        Path out = dialogs.chooseFileToSave(m.get("customers.export.saveTitle"), m.get("customers.export.fileName") + ext,
                new FileType(m.get("customers.export.type." + kind.name().toLowerCase(java.util.Locale.ROOT)), List.of("*" + ext)));
        if (out == null) {
            return;
        }
        List<Long> chosen = List.copyOf(selected);
        String text = searchText;
        CustomerFilter f = filter;
        boolean masked = mask && kind != ExportKind.VCF; // a masked phone is of no use to the address book
        int[] leftOut = {0};
        tasks.job(m.get("customers.export.job"), (progress, cancellation) -> {
            List<Long> ids = allMatching ? matching(text, f) : chosen;
            if (allMatching && f.segment() != null) {
                // a segment is an audience: who asked not to be contacted stays out, and the notice says how many
                java.util.Set<Long> dnc = customers.doNotContact(ids);
                leftOut[0] = dnc.size();
                ids = ids.stream().filter(id -> !dnc.contains(id)).toList();
            }
            cancellation.check();
            ExportRequest request = new ExportRequest(kind, com.fankeep.core.export.CustomerFilter.ids(ids), out, masked, masked,
                    false, 0, m.locale());
            return exports.export(request, progress, cancellation);
        }, r -> exportNotice.set(m.get("customers.export.done", r.customers(), r.files().getFirst().getFileName().toString())
                + (r.skipped() > 0 ? " " + m.get("customers.export.skipped", r.skipped()) : "")
                + (leftOut[0] > 0 ? " " + m.get("segments.export.doNotContact", leftOut[0]) : "")));
    }

    /** Every customer the list would show: the search hits passing the filter, or all passing the filter. */
    private List<Long> matching(String text, CustomerFilter f) {
        if (!text.isEmpty()) {
            return customers.page(new CustomerQuery(text, f, CustomerSort.ID, true), null, PAGE).rows().stream().map(CustomerRow::id).toList();
        }
        return customers.ids(f);
    }

    private com.fankeep.ui.groups.AddToGroupAction addToGroup;
    private com.fankeep.core.referral.ReferralService referrals;

    /** Shows the referral tree (up and down) on the profile. */
    public void useReferrals(com.fankeep.core.referral.ReferralService referrals) {
        this.referrals = referrals;
    }

    /** Loads a customer's referral tree off the FX thread; nothing happens when referrals were not added. */
    public void referralTree(long customerId, Consumer<com.fankeep.core.referral.ReferralTree> shown) {
        if (referrals != null) {
            tasks.call(() -> referrals.tree(customerId), shown);
        }
    }

    /** Null when the app did not add referrals (then no bulk "referred by" is offered). */
    public com.fankeep.core.referral.ReferralService referrals() {
        return referrals;
    }

    /** Customers matching {@code text} (name, phone, nickname …), searched off the FX thread, for a picker. */
    public void find(String text, int limit, Consumer<List<CustomerRow>> shown) {
        tasks.call(() -> text == null || text.isBlank() ? List.<CustomerRow>of() : customers.search(text.strip(), limit), shown);
    }

    /** Bulk: the customers were referred by {@code referrerId} (ReferralService, as `referral set`); undone like any edit. */
    public void setReferredBy(List<Long> ids, long referrerId, Consumer<InvalidValueException> onInvalid,
                              Consumer<com.fankeep.core.shared.RefusedException> onRefused) {
        edit(() -> referrals.setMany(ids, referrerId), onInvalid, onRefused);
    }

    /** Offers "add to a group" among the bulk actions. */
    public void useGroups(com.fankeep.ui.groups.AddToGroupAction action) {
        this.addToGroup = action;
    }

    /** Null when the app did not add groups. */
    public com.fankeep.ui.groups.AddToGroupAction addToGroup() {
        return addToGroup;
    }

    /** The open customer's interactions and follow-ups, or null when the app did not add them. */
    public CustomerActivityViewModel activity() {
        return activity;
    }

    public void close() {
        profile.set(null);
        reload();
    }

    // --- edits: each is saved at once; failures of validation go to onInvalid (the field it concerns)

    /**
     * Runs one edit in the background; on success the open profile and list are read again and the undo bar shows it.
     */
    public void edit(Callable<UndoneEdit> change, Consumer<InvalidValueException> onInvalid) {
        edit(change, onInvalid, refused -> tasks.reportUnexpected(refused));
    }

    /** As {@link #edit(Callable, Consumer)}, with a refusal (a referral loop …) given to {@code onRefused}: nothing changed. */
    public void edit(Callable<UndoneEdit> change, Consumer<InvalidValueException> onInvalid,
                     Consumer<com.fankeep.core.shared.RefusedException> onRefused) {
        tasks.call(change, done -> {
            if (!done.customerIds().isEmpty()) {
                lastEdit.set(done);
                lastUndone.set(null);
            }
            afterChange();
            loadChoices();
        }, e -> {
            if (e instanceof InvalidValueException invalid) {
                onInvalid.accept(invalid);
            } else if (e instanceof com.fankeep.core.shared.RefusedException refused) {
                onRefused.accept(refused);
            } else {
                tasks.reportUnexpected(e);
            }
        });
    }

    public void undo() {
        tasks.call(() -> customers.undoLast().orElse(null), undone -> {
            lastEdit.set(null);
            lastUndone.set(undone);
            if (undone != null) {
                afterChange();
            }
        });
    }

    private void afterChange() {
        CustomerProfile open = profile.get();
        if (open != null) {
            open(open.id());
        }
        reloadKeepingRows();
    }

    /** Reloads the rows shown (a first page as long as what is shown, at most a few pages) after an edit. */
    private void reloadKeepingRows() {
        reload();
    }

    public CustomerService service() {
        return customers;
    }

    /** Known tags and cities for the filter choices, read in the background. */
    public void loadChoices() {
        tasks.call(() -> List.of(customers.tags(), customers.cities(), customers.segmentNames()), all -> {
            tags.setAll(all.get(0));
            cities.setAll(all.get(1));
            segments.setAll(all.get(2));
        });
        if (lapseDaySetting != null) {
            java.util.function.IntSupplier setting = lapseDaySetting;
            tasks.call(setting::getAsInt, lapseDays::set);
        }
    }

    /**
     * Where the lapse setting comes from (read in the background with the filter choices): the list shows "Lapsed" for
     * customers quiet that long who have no tier and are not on the win-back board yet.
     */
    public void useLapseDays(java.util.function.IntSupplier setting) {
        this.lapseDaySetting = setting;
    }

    public javafx.beans.property.ReadOnlyIntegerProperty lapseDays() {
        return lapseDays;
    }

    /** No order for at least the lapse days (customers who never ordered are not lapsed). */
    public boolean lapsed(CustomerRow r) {
        return r.lastOrderAt() != null
                && r.lastOrderAt().isBefore(java.time.OffsetDateTime.now().minusDays(lapseDays.get()));
    }

    public ObservableList<String> tags() {
        return tags;
    }

    public ObservableList<String> cities() {
        return cities;
    }

    /** Saved segments' names for the filter. */
    public ObservableList<String> segments() {
        return segments;
    }
}
