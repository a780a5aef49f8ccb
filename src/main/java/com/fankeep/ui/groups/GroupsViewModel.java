package com.fankeep.ui.groups;

import com.fankeep.core.export.CustomerExportService;
import com.fankeep.core.export.CustomerFilter;
import com.fankeep.core.export.ExportKind;
import com.fankeep.core.export.ExportRequest;
import com.fankeep.core.followup.FollowUpService;
import com.fankeep.core.followup.NewFollowUp;
import com.fankeep.core.group.AddPlan;
import com.fankeep.core.group.CityCircleService;
import com.fankeep.core.group.CityFans;
import com.fankeep.core.group.FanGroup;
import com.fankeep.core.group.GroupKind;
import com.fankeep.core.group.GroupMember;
import com.fankeep.core.group.GroupRole;
import com.fankeep.core.group.GroupService;
import com.fankeep.core.group.InviteCandidate;
import com.fankeep.core.group.NewGroup;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Dialogs;
import com.fankeep.ui.common.FileType;
import com.fankeep.ui.common.PageNotices;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Groups page: the groups, the selected group's members and invite list, adds (with the eligibility
 * confirmation), bulk actions on members, and the city circles. Every service call runs off the FX thread.
 */
public final class GroupsViewModel {

    static final int INVITES_SHOWN = 200;

    private final GroupService groups;
    private final CityCircleService cities;
    private final CustomerExportService exports;
    private final FollowUpService followUps;
    private final UiTasks tasks;
    private final Dialogs dialogs;
    private final Supplier<Messages> messages;
    private final ObservableList<FanGroup> groupList = FXCollections.observableArrayList();
    private final ObservableList<GroupMember> members = FXCollections.observableArrayList();
    private final ObservableList<InviteCandidate> invites = FXCollections.observableArrayList();
    private final ObservableList<CityFans> cityList = FXCollections.observableArrayList();
    private final ObjectProperty<FanGroup> selected = new SimpleObjectProperty<>();
    private final PageNotices notices;

    public GroupsViewModel(GroupService groups, CityCircleService cities, CustomerExportService exports, FollowUpService followUps,
                           UiTasks tasks, Dialogs dialogs, Supplier<Messages> messages) {
        this.groups = groups;
        this.cities = cities;
        this.exports = exports;
        this.followUps = followUps;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.notices = new PageNotices(tasks, messages,
                e -> e instanceof IllegalArgumentException bad ? messages.get().get("groups.error.segment", bad.getMessage()) : null);
    }

    public ObservableList<FanGroup> groups() {
        return groupList;
    }

    public ObservableList<GroupMember> members() {
        return members;
    }

    public ObservableList<InviteCandidate> invites() {
        return invites;
    }

    public ObservableList<CityFans> cities() {
        return cityList;
    }

    /** The group shown; null when none. */
    public ObjectProperty<FanGroup> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notices.noticeProperty();
    }

    /** The last refusal (capacity, name taken …), localized; empty when the last action went through. */
    public ReadOnlyStringProperty errorProperty() {
        return notices.errorProperty();
    }

    public ZoneIdHolder zone() {
        return new ZoneIdHolder(followUps.zone(), followUps.today());
    }

    /** The follow-up calendar's zone and today, for the schedule dialog. */
    public record ZoneIdHolder(java.time.ZoneId zone, java.time.LocalDate today) {
    }

    public void refresh() {
        Long keep = selected.get() == null ? null : selected.get().id();
        tasks.call(groups::list, list -> {
            groupList.setAll(list);
            FanGroup again = keep == null ? null : list.stream().filter(g -> g.id() == keep).findFirst().orElse(null);
            select(again != null ? again : list.isEmpty() ? null : list.getFirst());
        }, notices::failed);
    }

    public void select(FanGroup g) {
        selected.set(g);
        if (g == null) {
            members.clear();
            invites.clear();
            return;
        }
        tasks.call(() -> new Object[] {groups.members(g.id(), true), groups.inviteList(g.id(), INVITES_SHOWN)}, v -> {
            @SuppressWarnings("unchecked")
            List<GroupMember> m = (List<GroupMember>) v[0];
            @SuppressWarnings("unchecked")
            List<InviteCandidate> i = (List<InviteCandidate>) v[1];
            members.setAll(m);
            invites.setAll(i);
        }, notices::failed);
    }

    public void create(String name, GroupKind kind, Integer capacity, String eligible) {
        notices.clearError();
        tasks.call(() -> groups.create(new NewGroup(name, kind, capacity, eligible, null)), g -> {
            notices.say(messages.get().get("groups.created", g.name()));
            selected.set(g);
            refresh();
        }, notices::failed);
    }

    public void update(String name, Integer capacity, String eligible) {
        FanGroup g = selected.get();
        if (g == null) {
            return;
        }
        notices.clearError();
        tasks.call(() -> groups.update(g.id(), name, capacity, eligible), done -> {
            notices.say(messages.get().get("groups.saved", done.name()));
            refresh();
        }, notices::failed);
    }

    public void delete() {
        FanGroup g = selected.get();
        if (g == null) {
            return;
        }
        Messages m = messages.get();
        dialogs.confirm(m.get("groups.delete.title"), m.get("groups.delete.message", g.name(), g.members()),
                m.get("groups.delete.action"), m.get("groups.keep")).thenAccept(yes -> {
                    if (yes) {
                        tasks.call(() -> {
                            groups.delete(g.id());
                            return g;
                        }, done -> {
                            selected.set(null);
                            refresh();
                        }, notices::failed);
                    }
                });
    }

    /** Adds a segment's customers (a saved segment or a rule). */
    public void addSegment(String segment) {
        FanGroup g = selected.get();
        if (g == null || segment == null || segment.isBlank()) {
            return;
        }
        notices.clearError();
        tasks.call(() -> groups.segmentMembers(segment), ids -> add(ids), notices::failed);
    }

    /**
     * Adds customers: past the capacity the refusal is shown and nothing is added; customers outside the eligibility
     * segment are only added after the owner confirms (each recorded as an exception).
     */
    public void add(Collection<Long> customerIds) {
        FanGroup g = selected.get();
        if (g == null || customerIds.isEmpty()) {
            return;
        }
        notices.clearError();
        List<Long> ids = List.copyOf(customerIds);
        tasks.call(() -> groups.plan(g.id(), ids), plan -> confirmAndAdd(g, ids, plan), notices::failed);
    }

    private void confirmAndAdd(FanGroup g, List<Long> ids, AddPlan plan) {
        Messages m = messages.get();
        if (!plan.fits()) {
            notices.showError(m.get("group.error.capacity", g.name(), g.capacity(), g.capacity() - plan.free(), plan.toAdd().size(), plan.free()));
            return;
        }
        if (plan.notEligible().isEmpty()) {
            doAdd(g, ids, false);
            return;
        }
        dialogs.confirm(m.get("groups.exception.title"), m.get("groups.exception.message", plan.notEligible().size(),
                        g.eligibleSegment(), plan.toAdd().size()),
                m.get("groups.exception.action", plan.toAdd().size()), m.get("groups.exception.keep"))
                .thenAccept(yes -> {
                    if (yes) {
                        doAdd(g, ids, true);
                    }
                });
    }

    private void doAdd(FanGroup g, List<Long> ids, boolean confirmed) {
        tasks.call(() -> groups.add(g.id(), ids, confirmed), r -> {
            notices.say(messages.get().get("groups.added", r.added().size(), g.name(), r.exceptions().size()));
            refresh();
        }, notices::failed);
    }

    public void remove(List<Long> ids) {
        FanGroup g = selected.get();
        if (g == null || ids.isEmpty()) {
            return;
        }
        tasks.call(() -> groups.remove(g.id(), ids), n -> {
            notices.say(messages.get().get("groups.removed", n, g.name()));
            refresh();
        }, notices::failed);
    }

    public void markLeft(List<Long> ids) {
        FanGroup g = selected.get();
        if (g == null || ids.isEmpty()) {
            return;
        }
        tasks.call(() -> groups.markLeft(g.id(), ids), n -> {
            notices.say(messages.get().get("groups.left", n, g.name()));
            refresh();
        }, notices::failed);
    }

    public void setRole(List<Long> ids, GroupRole role) {
        FanGroup g = selected.get();
        if (g == null || ids.isEmpty() || role == null) {
            return;
        }
        tasks.call(() -> groups.setRole(g.id(), ids, role), n -> refresh(), notices::failed);
    }

    /** One follow-up for each of the members (the same service as the Customers page's bulk scheduling). */
    public void scheduleFollowUp(List<Long> ids, NewFollowUp n) {
        if (ids.isEmpty()) {
            return;
        }
        tasks.call(() -> followUps.schedule(ids, n), list -> notices.say(messages.get().get("groups.scheduled", list.size())), notices::failed);
    }

    /** Exports the members as CSV, Excel or vCards through the customer export (formula-safe, logged). */
    public void export(ExportKind kind, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Messages m = messages.get();
        String ext = switch (kind) {
            case CSV -> "csv";
            case XLSX -> "xlsx";
            case VCF -> "vcf";
        };
        FanGroup g = selected.get();
        Path out = dialogs.chooseFileToSave(m.get("groups.export.title"), (g == null ? "group" : g.name()) + "." + ext,
                new FileType(m.get("customers.export.as." + kind.name().toLowerCase(Locale.ROOT)), List.of("*." + ext)));
        if (out == null) {
            return;
        }
        ExportRequest request = ExportRequest.of(kind, CustomerFilter.ids(ids), out);
        tasks.job(m.get("groups.export.job"), (p, c) -> exports.export(request, p, c),
                r -> notices.say(messages.get().get("groups.exported", r.customers(), out.getFileName())));
    }

    // --- city circles

    private com.fankeep.ui.referrals.ReferrersViewModel referrers;

    /** Adds the top referrers tab. */
    public void useReferrers(com.fankeep.ui.referrals.ReferrersViewModel referrers) {
        this.referrers = referrers;
    }

    /** Null when the app did not add referrals. */
    public com.fankeep.ui.referrals.ReferrersViewModel referrers() {
        return referrers;
    }

    public void loadCities() {
        tasks.call(cities::cities, cityList::setAll, notices::failed);
    }

    /** Makes an offline circle of the city's contactable iron fans and VIPs and shows it. */
    public void makeCircle(CityFans city) {
        if (city == null) {
            return;
        }
        Messages m = messages.get();
        notices.clearError();
        tasks.call(() -> cities.makeCircle(city.city(), m.get("groups.circle.name", city.city())), g -> {
            notices.say(m.get("groups.circle.made", g.name(), g.members()));
            selected.set(g);
            refresh();
        }, notices::failed);
    }
}
