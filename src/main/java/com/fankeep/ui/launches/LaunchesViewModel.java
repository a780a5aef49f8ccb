package com.fankeep.ui.launches;

import com.fankeep.core.campaign.Campaign;
import com.fankeep.core.customer.CustomerRow;
import com.fankeep.core.customer.CustomerSearchService;
import com.fankeep.core.customer.CustomerService;
import com.fankeep.core.launch.Allocation;
import com.fankeep.core.launch.AllocationPolicy;
import com.fankeep.core.launch.AllocationReasons;
import com.fankeep.core.launch.AllocationRun;
import com.fankeep.core.launch.CancelResult;
import com.fankeep.core.launch.Conversion;
import com.fankeep.core.launch.FanConversion;
import com.fankeep.core.launch.Launch;
import com.fankeep.core.launch.LaunchReport;
import com.fankeep.core.launch.LaunchService;
import com.fankeep.core.launch.NewLaunch;
import com.fankeep.core.launch.PhaseKind;
import com.fankeep.core.launch.PhaseSpec;
import com.fankeep.core.launch.Reservation;
import com.fankeep.core.launch.TrialFeedback;
import com.fankeep.core.launch.VoteResults;
import com.fankeep.core.launch.WindowOrder;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.PageNotices;
import com.fankeep.ui.common.UiTasks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Launches page: the list, the chosen launch's phases, votes, reservations, allocation (preview then commit),
 * orders and report. Every service call runs off the FX thread; a refusal is shown localized in {@link #errorProperty()}.
 */
public final class LaunchesViewModel {

    /** One fan's row of an allocation: what core decided and its reason in words. */
    public record AllocationRow(long customerId, String name, String tier, int requested, int allocated, Integer waitlistPosition,
                                String reason) {
    }

    /** Everything the page shows of one launch, read in one background call. */
    record Snapshot(Launch launch, VoteResults votes, List<Reservation> reservations, Conversion conversion, LaunchReport report,
                    Campaign trial, List<TrialFeedback> feedback) {
    }

    private final LaunchService launches;
    private final CustomerService customers;
    private final CustomerSearchService search;
    private final UiTasks tasks;
    private final com.fankeep.ui.common.Dialogs dialogs;
    private final Supplier<Messages> messages;
    private final ObservableList<Launch> list = FXCollections.observableArrayList();
    private final ObjectProperty<Launch> launch = new SimpleObjectProperty<>();
    private final ObjectProperty<VoteResults> votes = new SimpleObjectProperty<>();
    private final ObjectProperty<LaunchReport> report = new SimpleObjectProperty<>();
    private final ObservableList<Reservation> reservations = FXCollections.observableArrayList();
    private final ObservableList<AllocationRow> allocation = FXCollections.observableArrayList();
    private final ObjectProperty<AllocationRun> run = new SimpleObjectProperty<>();
    private final ObservableList<FanConversion> fans = FXCollections.observableArrayList();
    private final ObservableList<WindowOrder> unmatched = FXCollections.observableArrayList();
    private final ObjectProperty<Campaign> trial = new SimpleObjectProperty<>();
    private final ObservableList<TrialFeedback> feedback = FXCollections.observableArrayList();
    private final PageNotices notices;

    public LaunchesViewModel(LaunchService launches, CustomerService customers, CustomerSearchService search, UiTasks tasks,
                             com.fankeep.ui.common.Dialogs dialogs, Supplier<Messages> messages) {
        this.launches = launches;
        this.dialogs = dialogs;
        this.customers = customers;
        this.search = search;
        this.tasks = tasks;
        this.messages = messages;
        this.notices = new PageNotices(tasks, messages);
    }

    public ObservableList<Launch> launches() {
        return list;
    }

    /** The launch shown; null when none. */
    public ObjectProperty<Launch> launchProperty() {
        return launch;
    }

    public ObjectProperty<VoteResults> votesProperty() {
        return votes;
    }

    public ObjectProperty<LaunchReport> reportProperty() {
        return report;
    }

    public ObservableList<Reservation> reservations() {
        return reservations;
    }

    /** The last preview or commit, or the committed state read back from the requests. */
    public ObservableList<AllocationRow> allocation() {
        return allocation;
    }

    /** The last preview or commit of this session (its seed is what a commit records); null before. */
    public ObjectProperty<AllocationRun> runProperty() {
        return run;
    }

    public ObservableList<FanConversion> fans() {
        return fans;
    }

    public ObservableList<WindowOrder> unmatched() {
        return unmatched;
    }

    /** The launch's trial campaign (samples); null while it has none. */
    public ObjectProperty<Campaign> trialProperty() {
        return trial;
    }

    /** What the trial's fans said back, oldest first. */
    public ObservableList<TrialFeedback> feedback() {
        return feedback;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notices.noticeProperty();
    }

    /** The last refusal, localized; empty when the last action went through. */
    public ReadOnlyStringProperty errorProperty() {
        return notices.errorProperty();
    }

    public ZoneId zone() {
        return launches.zone();
    }

    public LocalDate today() {
        return launches.today();
    }

    private Long selectedId() {
        return launch.get() == null ? null : launch.get().id();
    }

    public void refresh() {
        Long keep = selectedId();
        tasks.call(launches::list, l -> {
            list.setAll(l);
            Launch again = l.stream().filter(x -> keep != null && x.id() == keep).findFirst().orElse(l.isEmpty() ? null : l.getFirst());
            select(again);
        }, notices::failed);
    }

    public void select(Launch l) {
        if (l == null) {
            launch.set(null);
            clear();
            return;
        }
        if (launch.get() == null || launch.get().id() != l.id()) {
            run.set(null);
        }
        load(l.id());
    }

    private void clear() {
        votes.set(null);
        report.set(null);
        reservations.clear();
        allocation.clear();
        fans.clear();
        unmatched.clear();
        trial.set(null);
        feedback.clear();
        run.set(null);
    }

    private void load(long id) {
        tasks.call(() -> new Snapshot(launches.find(id), launches.votes(id), launches.reservations(id), launches.conversion(id),
                launches.report(id), launches.trialCampaign(id).orElse(null), launches.feedback(id)), s -> {
                    launch.set(s.launch());
                    votes.set(s.votes());
                    report.set(s.report());
                    reservations.setAll(s.reservations());
                    fans.setAll(s.conversion().fans());
                    unmatched.setAll(s.conversion().unmatched());
                    trial.set(s.trial());
                    feedback.setAll(s.feedback());
                    if (run.get() == null || !run.get().committed() && s.report().allocationPolicy() != null) {
                        run.set(null);
                        allocation.setAll(committedRows(s.reservations()));
                    }
                    list.replaceAll(x -> x.id() == s.launch().id() ? s.launch() : x);
                }, notices::failed);
    }

    /**
     * A committed allocation read back from the requests: each fan's reason as stored at the commit; the state where
     * none is stored (a waiting-list promotion rewrote the row).
     */
    private List<AllocationRow> committedRows(List<Reservation> rs) {
        Messages m = messages.get();
        return rs.stream().filter(r -> !r.state().equals("requested") && !r.state().equals("cancelled")).map(r -> new AllocationRow(
                r.customerId(), r.name(), r.tier(), r.quantity(), r.allocated(), r.waitlistPosition(),
                r.allocationReason() != null ? r.allocationReason() : m.get("launches.state." + r.state())))
                .sorted(java.util.Comparator.comparingInt((AllocationRow a) -> a.waitlistPosition() == null ? 0 : a.waitlistPosition()))
                .toList();
    }

    private void reload() {
        Long id = selectedId();
        if (id != null) {
            load(id);
        }
    }

    /** Shows a problem the view found before calling a service (a number or time that does not parse). */
    public void showError(String text) {
        notices.showError(text);
    }

    public void create(NewLaunch n) {
        notices.clearError();
        tasks.call(() -> launches.create(n), l -> {
            notices.say(messages.get().get("launches.created", l.name()));
            list.add(0, l);
            run.set(null);
            launch.set(l);
            load(l.id());
        }, notices::failed);
    }

    /** Makes the trial: samples for the trial phase's audience (core refuses a second trial or an empty audience). */
    public void makeTrial(int quantity) {
        Long id = selectedId();
        if (id == null) {
            return;
        }
        notices.clearError();
        tasks.call(() -> launches.trial(id, quantity, null, null), c -> {
            notices.say(messages.get().get("launches.trial.made", c.name(), c.quantity()));
            reload();
        }, notices::failed);
    }

    public void savePhase(PhaseSpec spec) {
        Long id = selectedId();
        if (id == null) {
            return;
        }
        notices.clearError();
        tasks.call(() -> launches.phase(id, spec), saved -> {
            Messages m = messages.get();
            String text = m.get("launches.phase.saved", m.get("launches.kind." + spec.kind().code()));
            for (String w : saved.warnings()) {
                text += " " + m.get(w);
            }
            notices.say(text);
            reload();
        }, notices::failed);
    }

    public void start(PhaseKind kind) {
        Long id = selectedId();
        if (id == null || kind == null) {
            return;
        }
        notices.clearError();
        tasks.call(() -> launches.start(id, kind), r -> {
            Messages m = messages.get();
            notices.say(m.get("launches.phase.started", m.get("launches.kind." + kind.code()), r.followUps(), r.reached()));
            reload();
        }, notices::failed);
    }

    /** The customers matching what the owner typed (name, phone, nickname, pinyin), best first. */
    public void findCustomers(String query, Consumer<List<CustomerRow>> found) {
        if (query == null || query.isBlank()) {
            found.accept(List.of());
            return;
        }
        tasks.call(() -> search.isReady() ? customers.search(query.strip(), 12) : List.<CustomerRow>of(), found, notices::failed);
    }

    public void vote(CustomerRow who, String choice, BigDecimal guess, String channel, Runnable done) {
        Long id = selectedId();
        if (id == null || who == null) {
            return;
        }
        notices.clearError();
        tasks.call(() -> {
            launches.vote(id, who.id(), choice, guess, channel);
            return launches.votes(id);
        }, r -> {
            votes.set(r);
            notices.say(VotesPane.counted(messages.get(), "launches.vote.logged", r.current().size(), who.name(), r.current().size()));
            done.run();
        }, notices::failed);
    }

    public void reserve(CustomerRow who, int quantity, OffsetDateTime at, String channel, Runnable done) {
        Long id = selectedId();
        if (id == null || who == null) {
            return;
        }
        notices.clearError();
        tasks.call(() -> launches.reserve(id, who.id(), quantity, at, channel), r -> {
            notices.say(messages.get().get("launches.reserve.recorded", who.name(), r.quantity()));
            done.run();
            reload();
        }, notices::failed);
    }

    public void preview(AllocationPolicy policy, Long seed, boolean tierWeighted) {
        Long id = selectedId();
        if (id == null) {
            return;
        }
        notices.clearError();
        Messages m = messages.get();
        tasks.call(() -> {
            AllocationRun r = launches.preview(id, policy, seed, tierWeighted);
            return new Object[] {r, rows(r, m)};
        }, v -> {
            run.set((AllocationRun) v[0]);
            @SuppressWarnings("unchecked")
            List<AllocationRow> rows = (List<AllocationRow>) v[1];
            allocation.setAll(rows);
            notices.say(m.get("launches.alloc.previewed", ((AllocationRun) v[0]).allocatedTotal(), ((AllocationRun) v[0]).rules().quota()));
        }, notices::failed);
    }

    /** Commits what was previewed: the same policy and seed, so the same result. */
    public void commit() {
        Long id = selectedId();
        AllocationRun previewed = run.get();
        if (id == null || previewed == null || previewed.committed()) {
            return;
        }
        notices.clearError();
        Messages m = messages.get();
        AllocationPolicy policy = previewed.rules().policy();
        tasks.call(() -> {
            AllocationRun r = launches.commit(id, policy, previewed.rules().seed(), previewed.rules().tierWeighted(), m);
            return new Object[] {r, rows(r, m)};
        }, v -> {
            AllocationRun r = (AllocationRun) v[0];
            run.set(r);
            @SuppressWarnings("unchecked")
            List<AllocationRow> rows = (List<AllocationRow>) v[1];
            allocation.setAll(rows);
            notices.say(policy == AllocationPolicy.LOTTERY ? m.get("launches.alloc.committed", r.allocatedTotal(), r.rules().quota(),
                    Long.toString(r.rules().seed())) : m.get("launches.alloc.committedNoSeed", r.allocatedTotal(), r.rules().quota()));
            reload();
        }, notices::failed);
    }

    private List<AllocationRow> rows(AllocationRun r, Messages m) {
        ZoneId zone = launches.zone();
        LocalDate today = launches.today();
        return r.results().stream().map((Allocation a) -> new AllocationRow(a.customerId(), r.names().get(a.customerId()), a.tier(),
                a.requested(), a.allocated(), a.waitlistPosition(), AllocationReasons.text(m, a, zone, today, r.rules().policy()))).toList();
    }

    /** Cancels a fan's request; the notice says who moved up the waiting list. */
    public void cancel(long customerId, String name) {
        Long id = selectedId();
        if (id == null) {
            return;
        }
        notices.clearError();
        tasks.call(() -> {
            CancelResult c = launches.cancel(id, customerId);
            return new Object[] {c, launches.reservations(id)};
        }, v -> {
            CancelResult c = (CancelResult) v[0];
            @SuppressWarnings("unchecked")
            List<Reservation> rs = (List<Reservation>) v[1];
            Messages m = messages.get();
            StringBuilder s = new StringBuilder(m.get("launches.alloc.cancelled", name, c.freed()));
            for (var p : c.promotions()) {
                String who = rs.stream().filter(r -> r.customerId() == p.customerId()).map(Reservation::name).findFirst().orElse("#" + p.customerId());
                s.append('\n').append(p.newPosition() == null ? m.get("launches.alloc.promoted", who, p.added(), p.allocatedNow())
                        : m.get("launches.alloc.promotedStill", who, p.added(), p.allocatedNow(), p.newPosition()));
            }
            notices.say(s.toString());
            run.set(null);
            allocation.setAll(committedRows(rs));
            reload();
        }, notices::failed);
    }

    public void assign(WindowOrder order, CustomerRow who) {
        Long id = selectedId();
        if (id == null || order == null || who == null) {
            return;
        }
        notices.clearError();
        tasks.call(() -> launches.assign(id, order.id(), who.id()), c -> {
            notices.say(messages.get().get("launches.orders.assigned", order.externalId(), who.name()));
            reload();
        }, notices::failed);
    }

    /** Writes the report as an XLSX workbook where the owner chooses, in the app's language, off the FX thread. */
    public void exportReport() {
        Launch l = launch.get();
        if (l == null) {
            return;
        }
        Messages m = messages.get();
        java.nio.file.Path out = dialogs.chooseFileToSave(m.get("launches.report.exportTitle"), l.name() + ".xlsx",
                new com.fankeep.ui.common.FileType(m.get("launches.report.xlsx"), List.of("*.xlsx")));
        if (out == null) {
            return;
        }
        notices.clearError();
        tasks.call(() -> {
            launches.exportReport(l.id(), out, m);
            return out;
        }, p -> notices.say(messages.get().get("launches.report.exported", p.getFileName())), notices::failed);
    }
}
