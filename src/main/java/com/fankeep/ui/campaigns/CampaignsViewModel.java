package com.fankeep.ui.campaigns;

import com.fankeep.core.campaign.Address;
import com.fankeep.core.campaign.Campaign;
import com.fankeep.core.campaign.CampaignBoard;
import com.fankeep.core.campaign.CampaignEntry;
import com.fankeep.core.campaign.CampaignException;
import com.fankeep.core.campaign.CampaignReport;
import com.fankeep.core.campaign.CampaignService;
import com.fankeep.core.campaign.CampaignStatus;
import com.fankeep.core.campaign.ClaimCandidate;
import com.fankeep.core.campaign.NewCampaign;
import com.fankeep.core.campaign.ShippingLayout;
import com.fankeep.core.customer.CustomerSearchService;
import com.fankeep.core.group.FanGroup;
import com.fankeep.core.group.GroupService;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Dialogs;
import com.fankeep.ui.common.FileType;
import com.fankeep.ui.common.PageNotices;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Campaigns page: the list, the chosen campaign's board (counts, stock, entries, waitlist), the quick claim,
 * per-entry actions, the shipping list out and tracking numbers back, and the results side by side.
 * Every service call runs off the FX thread.
 */
public final class CampaignsViewModel {

    /** Days after the claim window the results look at. */
    static final int REPORT_DAYS = 30;

    private final CampaignService campaigns;
    private final CustomerSearchService search;
    private final GroupService groups;
    private final UiTasks tasks;
    private final Dialogs dialogs;
    private final Supplier<Messages> messages;
    private final ObservableList<Campaign> list = FXCollections.observableArrayList();
    private final ObservableList<CampaignEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<CampaignEntry> waitlist = FXCollections.observableArrayList();
    private final ObservableList<ClaimCandidate> candidates = FXCollections.observableArrayList();
    private final ObservableList<CampaignReport> reports = FXCollections.observableArrayList();
    private final ObservableList<String> groupNames = FXCollections.observableArrayList();
    /** The shipping list layouts to choose from: the built-in codes, then the owner's saved layouts by name. */
    private final ObservableList<String> layouts = FXCollections.observableArrayList(
            java.util.Arrays.stream(ShippingLayout.values()).map(ShippingLayout::code).toList());
    private final ObjectProperty<CampaignBoard> board = new SimpleObjectProperty<>();
    private final ObjectProperty<CampaignReport> report = new SimpleObjectProperty<>();
    private final PageNotices notices;

    public CampaignsViewModel(CampaignService campaigns, CustomerSearchService search, GroupService groups, UiTasks tasks,
                              Dialogs dialogs, Supplier<Messages> messages) {
        this.campaigns = campaigns;
        this.search = search;
        this.groups = groups;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.notices = new PageNotices(tasks, messages);
    }

    public ObservableList<Campaign> campaigns() {
        return list;
    }

    public ObservableList<CampaignEntry> entries() {
        return entries;
    }

    public ObservableList<CampaignEntry> waitlist() {
        return waitlist;
    }

    public ObservableList<ClaimCandidate> candidates() {
        return candidates;
    }

    public ObservableList<CampaignReport> reports() {
        return reports;
    }

    public ObservableList<String> layouts() {
        return layouts;
    }

    public ObservableList<String> groupNames() {
        return groupNames;
    }

    /** The campaign shown with its counts; null when none. */
    public ObjectProperty<CampaignBoard> boardProperty() {
        return board;
    }

    public ObjectProperty<CampaignReport> reportProperty() {
        return report;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notices.noticeProperty();
    }

    /** The last refusal, localized; empty when the last action went through. */
    public ReadOnlyStringProperty errorProperty() {
        return notices.errorProperty();
    }

    private Long wanted;

    private Long selectedId() {
        return board.get() == null ? null : board.get().campaign().id();
    }

    /** The next refresh selects this campaign (the dashboard's outcomes chart opens the page on it). */
    public void showNext(long campaignId) {
        wanted = campaignId;
    }

    public void refresh() {
        Long keep = wanted != null ? wanted : selectedId();
        wanted = null;
        tasks.call(() -> new Object[] {campaigns.list(), groups.list(), campaigns.layouts()}, v -> {
            @SuppressWarnings("unchecked")
            List<Campaign> l = (List<Campaign>) v[0];
            @SuppressWarnings("unchecked")
            List<FanGroup> g = (List<FanGroup>) v[1];
            @SuppressWarnings("unchecked")
            List<com.fankeep.core.campaign.CustomLayout> saved = (List<com.fankeep.core.campaign.CustomLayout>) v[2];
            list.setAll(l);
            groupNames.setAll(g.stream().map(FanGroup::name).toList());
            List<String> choices = new java.util.ArrayList<>(java.util.Arrays.stream(ShippingLayout.values()).map(ShippingLayout::code).toList());
            saved.forEach(s -> choices.add(s.name()));
            if (!choices.equals(layouts)) {
                layouts.setAll(choices);
            }
            Campaign again = keep == null ? null : l.stream().filter(c -> c.id() == keep).findFirst().orElse(null);
            select(again != null ? again : l.isEmpty() ? null : l.getFirst());
        }, notices::failed);
    }

    public void select(Campaign c) {
        if (c == null) {
            board.set(null);
            report.set(null);
            entries.clear();
            waitlist.clear();
            return;
        }
        tasks.call(() -> new Object[] {campaigns.board(c.id()), campaigns.report(c.id(), REPORT_DAYS)}, v -> {
            CampaignBoard b = (CampaignBoard) v[0];
            board.set(b);
            report.set((CampaignReport) v[1]);
            entries.setAll(b.entries());
            waitlist.setAll(b.waitlist());
        }, notices::failed);
    }

    private void reload() {
        Long id = selectedId();
        tasks.call(campaigns::list, l -> {
            list.setAll(l);
            l.stream().filter(c -> id != null && c.id() == id).findFirst().ifPresent(this::select);
        }, notices::failed);
    }

    public void create(NewCampaign n, String groupName) {
        notices.clearError();
        tasks.call(() -> {
            NewCampaign withGroup = groupName == null || groupName.isBlank() ? n
                    : new NewCampaign(n.name(), n.kind(), n.gift(), n.unitCost(), n.shippingCost(), n.currency(), n.quantity(),
                    n.perCustomer(), n.opens(), n.closes(), n.audienceSegment(), groups.find(groupName).id(),
                    n.pickedCustomerIds(), n.includeDoNotContact(), n.announcement(), n.priority());
            return campaigns.create(withGroup);
        }, c -> {
            notices.say(messages.get().get("campaigns.created", c.name(), c.dncLeftOut()));
            list.add(0, c);
            select(c);
        }, notices::failed);
    }

    /** Shows a problem the view found before calling a service (a number that does not parse). */
    public void showError(String text) {
        notices.showError(text);
    }

    public void announce() {
        Long id = selectedId();
        if (id == null) {
            return;
        }
        notices.clearError();
        tasks.call(() -> campaigns.announce(id), n -> {
            notices.say(messages.get().get("campaigns.announced", n));
            reload();
        }, notices::failed);
    }

    public void advance(CampaignStatus status) {
        Long id = selectedId();
        if (id == null) {
            return;
        }
        notices.clearError();
        tasks.call(() -> campaigns.advance(id, status), c -> reload(), notices::failed);
    }

    /** Customers matching what the owner typed (names, pinyin, phone fragments), with where they stand. */
    public void findCustomers(String query) {
        Long id = selectedId();
        if (id == null || query == null || query.strip().length() < 1) {
            candidates.clear();
            return;
        }
        tasks.call(() -> {
            long[] ids = search.isReady() ? search.search(query.strip(), 12) : new long[0];
            return campaigns.candidates(id, Arrays.stream(ids).boxed().toList());
        }, candidates::setAll, notices::failed);
    }

    /** One-click claim; from outside the audience only after the owner confirms (recorded as such). */
    public void claim(ClaimCandidate who, String channel) {
        Long id = selectedId();
        if (id == null || who == null) {
            return;
        }
        notices.clearError();
        tasks.call(() -> campaigns.claim(id, who.customerId(), channel, false), r -> {
            notices.say(messages.get().get("campaigns.claimed." + r.state().code(), who.name(), r.stockLeft()));
            reload();
        }, t -> {
            if (PageNotices.cause(t) instanceof CampaignException.OutsideAudience) {
                Messages m = messages.get();
                dialogs.confirm(m.get("campaigns.outside.title"), m.get("campaigns.outside.message", who.name()),
                        m.get("campaigns.outside.action"), m.get("campaigns.outside.keep")).thenAccept(yes -> {
                            if (yes) {
                                tasks.call(() -> campaigns.claim(id, who.customerId(), channel, true), r -> {
                                    notices.say(messages.get().get("campaigns.claimed." + r.state().code(), who.name(), r.stockLeft()));
                                    reload();
                                }, notices::failed);
                            }
                        });
            } else {
                notices.failed(t);
            }
        });
    }

    public void cancel(CampaignEntry e) {
        entryAction(e, () -> campaigns.cancel(e.campaignId(), e.customerId()));
    }

    public void ship(CampaignEntry e, String carrier, String tracking) {
        entryAction(e, () -> {
            campaigns.ship(e.campaignId(), e.customerId(), carrier, tracking);
            return null;
        });
    }

    public void delivered(CampaignEntry e) {
        entryAction(e, () -> {
            campaigns.markDelivered(e.campaignId(), e.customerId());
            return null;
        });
    }

    public void thanked(CampaignEntry e) {
        entryAction(e, () -> {
            campaigns.markThanked(e.campaignId(), e.customerId());
            return null;
        });
    }

    public void saveAddress(CampaignEntry e, Address a) {
        entryAction(e, () -> {
            campaigns.confirmAddress(e.campaignId(), e.customerId(), a);
            return null;
        });
    }

    private void entryAction(CampaignEntry e, java.util.concurrent.Callable<?> work) {
        if (e == null) {
            return;
        }
        notices.clearError();
        tasks.call(work, done -> reload(), notices::failed);
    }

    /** Writes the shipping list where the owner chooses. */
    /** @param layout a built-in layout's code or a saved layout's name */
    public void exportShippingList(String layout, boolean maskPhones) {
        CampaignBoard b = board.get();
        if (b == null) {
            return;
        }
        Messages m = messages.get();
        Path out = dialogs.chooseFileToSave(m.get("campaigns.export.title"), b.campaign().name() + "-" + layout + ".xlsx",
                new FileType(m.get("campaigns.export.xlsx"), List.of("*.xlsx", "*.csv")));
        if (out == null) {
            return;
        }
        notices.clearError();
        tasks.call(() -> campaigns.shippingList(b.campaign().id(), out, layout, maskPhones),
                n -> notices.say(messages.get().get("campaigns.exported", n, out.getFileName())), notices::failed);
    }

    /** Reads the courier's file back; rows that matched no claim are listed in the notice. */
    public void importTracking() {
        CampaignBoard b = board.get();
        if (b == null) {
            return;
        }
        Messages m = messages.get();
        List<Path> files = dialogs.chooseFilesToOpen(m.get("campaigns.tracking.title"),
                List.of(new FileType(m.get("campaigns.tracking.files"), List.of("*.xlsx", "*.xls", "*.csv"))));
        if (files.isEmpty()) {
            return;
        }
        notices.clearError();
        tasks.call(() -> campaigns.importTracking(b.campaign().id(), files.getFirst(), null), r -> {
            notices.say(messages.get().get("campaigns.tracked", r.shipped(), r.unmatched().size())
                    + (r.unmatched().isEmpty() ? "" : "\n" + String.join("\n", r.unmatched().subList(0, Math.min(5, r.unmatched().size())))));
            reload();
        }, notices::failed);
    }

    public void loadComparison() {
        tasks.call(() -> campaigns.compare(REPORT_DAYS), reports::setAll, notices::failed);
    }
}
