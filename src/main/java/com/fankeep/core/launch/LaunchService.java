package com.fankeep.core.launch;

import com.fankeep.core.campaign.Campaign;
import com.fankeep.core.campaign.CampaignKind;
import com.fankeep.core.campaign.CampaignService;
import com.fankeep.core.campaign.ClaimPriority;
import com.fankeep.core.campaign.NewCampaign;
import com.fankeep.core.db.Database;
import com.fankeep.core.followup.FollowUpService;
import com.fankeep.core.followup.NewFollowUp;
import com.fankeep.core.group.GroupService;
import com.fankeep.core.segment.SegmentService;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.shared.Messages;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Limited launches (issue #14): phases with audiences and prices, votes and price guesses, first-batch reservations
 * shared out by {@link FairAllocator}, the waiting list, conversion of imported orders, and the report. Each call is
 * one transaction; a refusal ({@link LaunchException}) changes nothing.
 */
public final class LaunchService {

    private final Database database;
    private final SegmentService segments;
    private final GroupService groups;
    private final FollowUpService followUps;
    private final CampaignService campaigns;
    private final SettingsService settings;
    private final Clock clock;

    public LaunchService(Database database, SegmentService segments, GroupService groups, FollowUpService followUps,
                         CampaignService campaigns, SettingsService settings, Clock clock) {
        this.database = database;
        this.segments = segments;
        this.groups = groups;
        this.followUps = followUps;
        this.campaigns = campaigns;
        this.settings = settings;
        this.clock = clock;
    }

    public java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    // --- launches and phases

    public Launch create(NewLaunch n) {
        if (n.name().isEmpty() || n.name().length() > 200) {
            throw new LaunchException("launch.error.name", "a launch name needs 1 to 200 characters");
        }
        if (n.product().isEmpty()) {
            throw new LaunchException("launch.error.product", "a launch needs a product");
        }
        if (n.plannedQuantity() != null && n.plannedQuantity() < 0) {
            throw new LaunchException("launch.error.quantity", "the planned quantity cannot be negative");
        }
        int expiry = n.expiryHours() == null ? 48 : n.expiryHours();
        return tx(c -> {
            LaunchRepository repo = new LaunchRepository(c);
            return repo.find(repo.insert(n, expiry, now()));
        });
    }

    public List<Launch> list() {
        return tx(c -> new LaunchRepository(c).list());
    }

    public Launch find(long id) {
        return tx(c -> launch(new LaunchRepository(c), id));
    }

    /** Sets (or replaces) a phase; a public price below the VIP price is refused, a VIP price below cost warns. */
    public PhaseSaved phase(long launchId, PhaseSpec s) {
        if (s.from() != null && s.to() != null && s.to().isBefore(s.from())) {
            throw new LaunchException("launch.error.window", "the phase ends before it starts");
        }
        if ((s.quota() != null && s.quota() < 0) || (s.perCustomer() != null && s.perCustomer() < 1)
                || (s.price() != null && s.price().signum() < 0)) {
            throw new LaunchException("launch.error.numbers", "quota >= 0, per-customer limit >= 1, price >= 0");
        }
        if (s.audienceKind() != null) {
            audience(s.audienceKind(), s.audienceValue()); // refused now if it does not resolve
        }
        return tx(c -> {
            LaunchRepository repo = new LaunchRepository(c);
            Launch l = launch(repo, launchId);
            BigDecimal vip = s.kind() == PhaseKind.FIRST_BATCH ? s.price() : l.phase(PhaseKind.FIRST_BATCH).map(LaunchPhase::price).orElse(null);
            BigDecimal pub = s.kind() == PhaseKind.PUBLIC ? s.price() : l.phase(PhaseKind.PUBLIC).map(LaunchPhase::price).orElse(null);
            List<String> warnings = PriceRule.check(vip, pub, l.unitCost(), l.currency());
            repo.savePhase(launchId, s);
            return new PhaseSaved(repo.find(launchId), warnings);
        });
    }

    /**
     * Starts a phase: its follow-ups are made one per fan (warm-up: announce the vote; first batch: announce it to the
     * audience; pause: chase the allocated who have not paid; public: tell those who did not get one). Once only.
     */
    public StartResult start(long launchId, PhaseKind kind) {
        Launch l = find(launchId);
        LaunchPhase p = l.phase(kind).orElseThrow(() -> new LaunchException("launch.error.noPhase",
                "launch #" + launchId + " has no " + kind.code() + " phase", kind.code()));
        if (p.startedAt() != null) {
            throw new LaunchException("launch.error.started", "the " + kind.code() + " phase was started already", kind.code());
        }
        Set<Long> fans = new LinkedHashSet<>(p.audienceKind() == null ? List.of() : audience(p.audienceKind(), p.audienceValue()));
        return database.transactionResult(tx -> {
            LaunchRepository repo = new LaunchRepository(tx.connectionResult(c -> c));
            try {
                List<Reservation> res = repo.activeReservations(launchId);
                if (kind == PhaseKind.PAUSE) {
                    fans.clear();
                    Set<Long> paid = conversion(repo, l).fans().stream().filter(f -> !f.state().equals("allocated"))
                            .map(FanConversion::customerId).collect(java.util.stream.Collectors.toSet());
                    res.stream().filter(r -> r.allocated() > 0 && !paid.contains(r.customerId())).forEach(r -> fans.add(r.customerId()));
                } else if (kind == PhaseKind.PUBLIC) {
                    res.stream().filter(r -> r.allocated() == 0).forEach(r -> fans.add(r.customerId()));
                    repo.votes(launchId).stream().filter(v -> v.current() && "want".equals(v.choice())).forEach(v -> fans.add(v.customerId()));
                    res.stream().filter(r -> r.allocated() > 0).forEach(r -> fans.remove(r.customerId()));
                }
                int made = 0;
                if (!fans.isEmpty() && kind != PhaseKind.REGULAR) {
                    made = followUps.schedule(tx, fans, NewFollowUp.on(title(kind, l.name()), today())).size();
                }
                repo.started(p.id(), launchId, kind, now(), fans.size());
                return new StartResult(kind, fans.size(), made);
            } catch (SQLException e) {
                throw new org.jooq.exception.DataAccessException(e.getMessage(), e);
            }
        });
    }

    private static String title(PhaseKind kind, String launch) {
        return switch (kind) {
            case WARMUP -> "新品投票 / Announce the vote: " + launch;
            case TRIAL -> "试用邀请 / Invite to the trial: " + launch;
            case FIRST_BATCH -> "老粉首发 / Announce the VIP batch: " + launch;
            case PAUSE -> "催付款 / Chase the unpaid: " + launch;
            case PUBLIC, REGULAR -> "公开发售 / Announce the public sale: " + launch;
        };
    }

    /** The customer ids of an audience: a saved segment or rule, a group's name, or a tier code. */
    List<Long> audience(String kind, String value) {
        String v = value == null ? "" : value.strip();
        return switch (kind == null ? "" : kind.toLowerCase(Locale.ROOT)) {
            case "segment" -> segments.audience(v, false).customerIds();
            case "group" -> groups.members(groups.find(v).id(), false).stream().map(m -> m.customerId()).toList();
            case "tier" -> segments.audience("tier = " + com.fankeep.core.tier.Tier.of(v).code(), false).customerIds();
            default -> throw new LaunchException("launch.error.audience", "audience is segment, group or tier", kind);
        };
    }

    // --- votes

    /** Logs a fan's answer; the previous one stays as history. Choice: want, no, or another option's text. */
    public Vote vote(long launchId, long customerId, String choice, BigDecimal priceGuess, String channel) {
        String ch = choice == null ? "" : choice.strip();
        if (ch.isEmpty() || ch.length() > 200) {
            throw new LaunchException("launch.error.choice", "a vote needs a choice: want, no or another option");
        }
        if (priceGuess != null && priceGuess.signum() < 0) {
            throw new LaunchException("launch.error.numbers", "a price guess cannot be negative");
        }
        return tx(c -> {
            LaunchRepository repo = new LaunchRepository(c);
            launch(repo, launchId);
            fan(repo, customerId);
            repo.retireVotes(launchId, customerId);
            repo.insertVote(launchId, customerId, ch, priceGuess, blankToNull(channel), now());
            List<Vote> all = repo.votes(launchId);
            return all.stream().filter(v -> v.current() && v.customerId() == customerId).findFirst().orElseThrow();
        });
    }

    public VoteResults votes(long launchId) {
        return tx(c -> {
            LaunchRepository repo = new LaunchRepository(c);
            Launch l = launch(repo, launchId);
            return results(repo.votes(launchId), l.plannedPrice());
        });
    }

    /** A fan's answers, oldest first. */
    public List<Vote> history(long launchId, long customerId) {
        return tx(c -> new LaunchRepository(c).votes(launchId).stream().filter(v -> v.customerId() == customerId).toList());
    }

    static VoteResults results(List<Vote> all, BigDecimal planned) {
        List<Vote> current = all.stream().filter(Vote::current).toList();
        Map<String, Map<String, Integer>> byTier = new TreeMap<>();
        List<BigDecimal> guesses = new ArrayList<>();
        for (Vote v : current) {
            byTier.computeIfAbsent(v.tier() == null ? "none" : v.tier(), t -> new TreeMap<>()).merge(v.choice(), 1, Integer::sum);
            if (v.priceGuess() != null) {
                guesses.add(v.priceGuess());
            }
        }
        Map<Long, Integer> answers = new HashMap<>();
        all.forEach(v -> answers.merge(v.customerId(), 1, Integer::sum));
        int changed = (int) answers.values().stream().filter(n -> n > 1).count();
        return new VoteResults(current, byTier, PriceStats.of(guesses), planned, changed);
    }

    // --- reservations and allocation

    /** Records (or changes) a fan's first-batch request; after the allocation it joins the end of the waiting list. */
    public Reservation reserve(long launchId, long customerId, int quantity, OffsetDateTime at, String channel) {
        return tx(c -> {
            LaunchRepository repo = new LaunchRepository(c);
            Launch l = launch(repo, launchId);
            LaunchPhase p = firstBatch(l);
            int limit = p.perCustomer() == null ? Integer.MAX_VALUE : p.perCustomer();
            if (quantity < 1 || quantity > limit) {
                throw new LaunchException("launch.error.overLimit", "a request is for 1 to " + limit + " (the per-customer limit)", limit);
            }
            fan(repo, customerId);
            OffsetDateTime when = at == null ? now() : at;
            List<Reservation> active = repo.activeReservations(launchId);
            Reservation mine = active.stream().filter(r -> r.customerId() == customerId).findFirst().orElse(null);
            boolean allocated = repo.run(launchId) != null;
            if (mine != null) {
                if (allocated) {
                    throw new LaunchException("launch.error.allocated", "the allocation is committed; cancel first to change a request");
                }
                repo.updateRequest(mine.id(), quantity, at == null ? mine.requestedAt() : when, blankToNull(channel));
            } else if (allocated) {
                int last = active.stream().map(Reservation::waitlistPosition).filter(java.util.Objects::nonNull).mapToInt(i -> i).max().orElse(0);
                repo.insertReservation(launchId, p.id(), customerId, quantity, when, blankToNull(channel), "waitlisted", last + 1, now());
            } else {
                repo.insertReservation(launchId, p.id(), customerId, quantity, when, blankToNull(channel), "requested", null, now());
            }
            return repo.activeReservations(launchId).stream().filter(r -> r.customerId() == customerId).findFirst().orElseThrow();
        });
    }

    public List<Reservation> reservations(long launchId) {
        return tx(c -> new LaunchRepository(c).allReservations(launchId));
    }

    /** The allocation without writing anything. {@code seed} null: a new one (shown, and recorded on commit). */
    public AllocationRun preview(long launchId, AllocationPolicy policy, Long seed, boolean tierWeighted) {
        return tx(c -> run(new LaunchRepository(c), launchId, policy, seed, tierWeighted));
    }

    /**
     * Commits the allocation: every request gets its share and reason, the run's policy and seed are recorded, and each
     * allocated fan gets a follow-up to be told. Once per launch.
     */
    public AllocationRun commit(long launchId, AllocationPolicy policy, Long seed, boolean tierWeighted, Messages reasons) {
        return database.transactionResult(tx -> {
            LaunchRepository repo = new LaunchRepository(tx.connectionResult(c -> c));
            try {
                if (repo.run(launchId) != null) {
                    throw new LaunchException("launch.error.allocated", "this launch's allocation is committed already");
                }
                AllocationRun run = run(repo, launchId, policy, seed, tierWeighted);
                Map<Long, Reservation> byFan = new HashMap<>();
                repo.activeReservations(launchId).forEach(r -> byFan.put(r.customerId(), r));
                OffsetDateTime now = now();
                List<Long> told = new ArrayList<>();
                for (Allocation a : run.results()) {
                    Reservation r = byFan.get(a.customerId());
                    repo.setAllocation(r.id(), a.allocated() > 0 ? "allocated" : "waitlisted", a.allocated(), a.waitlistPosition(),
                            AllocationReasons.text(reasons, a, zone(), today(), policy), a.allocated() > 0 ? now : null);
                    if (a.allocated() > 0) {
                        told.add(a.customerId());
                    }
                }
                repo.insertRun(launchId, run.rules(), now);
                if (!told.isEmpty()) {
                    followUps.schedule(tx, told, NewFollowUp.on("通知已分配 / Tell the allocated: " + find(repo, launchId).name(), today()));
                }
                return new AllocationRun(run.rules(), run.results(), run.names(), true);
            } catch (SQLException e) {
                throw new org.jooq.exception.DataAccessException(e.getMessage(), e);
            }
        });
    }

    private AllocationRun run(LaunchRepository repo, long launchId, AllocationPolicy policy, Long seed, boolean tierWeighted) throws SQLException {
        Launch l = launch(repo, launchId);
        LaunchPhase p = firstBatch(l);
        if (p.quota() == null) {
            throw new LaunchException("launch.error.noQuota", "the first batch has no quota");
        }
        long s = seed != null ? seed : new java.util.SplittableRandom().nextLong(1, Long.MAX_VALUE / 2);
        AllocationRules rules = new AllocationRules(policy, p.quota(), p.perCustomer() == null ? p.quota() : Math.max(1, p.perCustomer()),
                s, tierWeighted, p.from(), p.to());
        List<Reservation> res = repo.activeReservations(launchId);
        List<AllocationRequest> requests = res.stream()
                .map(r -> new AllocationRequest(r.customerId(), r.tier(), r.quantity(), r.requestedAt())).toList();
        Map<Long, String> names = new HashMap<>();
        res.forEach(r -> names.put(r.customerId(), r.name()));
        return new AllocationRun(rules, FairAllocator.allocate(requests, rules), names, false);
    }

    /** Cancels a fan's request; their units go down the waiting list in order, each promoted fan gets a follow-up. */
    public CancelResult cancel(long launchId, long customerId) {
        return release(launchId, customerId, "cancelled");
    }

    /** Allocations unpaid {@code expiry_hours} after they were made expire; their units go down the waiting list. */
    public List<CancelResult> expireUnpaid(long launchId) {
        Launch l = find(launchId);
        Conversion conv = conversion(launchId);
        OffsetDateTime cutoff = now().minusHours(l.expiryHours());
        List<CancelResult> out = new ArrayList<>();
        List<Reservation> all = reservations(launchId);
        for (FanConversion f : conv.fans()) {
            Reservation r = all.stream().filter(x -> x.customerId() == f.customerId() && x.state().equals("allocated"))
                    .findFirst().orElse(null);
            if (r != null && f.state().equals("allocated") && r.allocatedAt() != null && r.allocatedAt().isBefore(cutoff)) {
                out.add(release(launchId, f.customerId(), "expired"));
            }
        }
        return out;
    }

    /**
     * The expiry pass over every allocated launch (what the app runs at start and hourly, without the owner): unpaid
     * allocations past their launch's expiry hours expire and the waiting list moves up. Running it again changes nothing
     * until more time passes. @return allocations expired
     */
    public int expireAllDue() {
        int expired = 0;
        for (long id : tx(c -> new LaunchRepository(c).allocatedLaunches())) {
            expired += expireUnpaid(id).size();
        }
        return expired;
    }

    private CancelResult release(long launchId, long customerId, String state) {
        return database.transactionResult(tx -> {
            LaunchRepository repo = new LaunchRepository(tx.connectionResult(c -> c));
            try {
                Launch l = launch(repo, launchId);
                List<Reservation> active = repo.activeReservations(launchId);
                Reservation mine = active.stream().filter(r -> r.customerId() == customerId).findFirst()
                        .orElseThrow(() -> new LaunchException("launch.error.noReservation", "customer #" + customerId
                                + " has no open request in this launch", customerId));
                repo.setState(mine.id(), state);
                int freed = mine.allocated();
                int limit = firstBatch(l).perCustomer() == null ? Integer.MAX_VALUE : firstBatch(l).perCustomer();
                List<WaitlistEntry> waiting = active.stream().filter(r -> r.id() != mine.id() && r.waitlistPosition() != null)
                        .map(r -> new WaitlistEntry(r.customerId(), Math.min(r.quantity(), limit), r.allocated(), r.waitlistPosition())).toList();
                List<Promotion> promotions = WaitlistPromotion.promote(waiting, freed);
                Map<Long, Reservation> byFan = new HashMap<>();
                active.forEach(r -> byFan.put(r.customerId(), r));
                List<Long> promoted = new ArrayList<>();
                OffsetDateTime now = now();
                for (Promotion p : promotions) {
                    Reservation r = byFan.get(p.customerId());
                    repo.setAllocation(r.id(), p.allocatedNow() > 0 ? "allocated" : "waitlisted", p.allocatedNow(), p.newPosition(),
                            null, p.added() > 0 ? now : r.allocatedAt());
                    if (p.added() > 0) {
                        promoted.add(p.customerId());
                    }
                }
                if (!promoted.isEmpty()) {
                    followUps.schedule(tx, promoted, NewFollowUp.on("候补转正 / Tell the promoted: " + l.name(), today()));
                }
                return new CancelResult(customerId, freed, promotions.stream().filter(p -> p.added() > 0).toList());
            } catch (SQLException e) {
                throw new org.jooq.exception.DataAccessException(e.getMessage(), e);
            }
        });
    }

    // --- conversion

    public Conversion conversion(long launchId) {
        return tx(c -> {
            LaunchRepository repo = new LaunchRepository(c);
            return conversion(repo, launch(repo, launchId));
        });
    }

    /** Assigns an order in the first batch's window to a fan by hand (bought under another account). */
    public Conversion assign(long launchId, long orderId, long customerId) {
        return tx(c -> {
            LaunchRepository repo = new LaunchRepository(c);
            Launch l = launch(repo, launchId);
            fan(repo, customerId);
            if (!repo.orderExists(orderId)) {
                throw new LaunchException("launch.error.noOrder", "no order #" + orderId, orderId);
            }
            repo.assign(launchId, orderId, customerId, now());
            return conversion(repo, l);
        });
    }

    private Conversion conversion(LaunchRepository repo, Launch l) throws SQLException {
        LaunchPhase p = l.phase(PhaseKind.FIRST_BATCH).orElse(null);
        if (p == null) {
            return new Conversion(List.of(), List.of());
        }
        List<Reservation> allocated = repo.activeReservations(l.id()).stream().filter(r -> r.allocated() > 0).toList();
        Map<Long, Long> assigned = repo.assignments(l.id());
        OrderMatcher.Result m = OrderMatcher.match(repo.orders(p.from(), p.to()), allocated.stream().map(Reservation::customerId)
                .collect(java.util.stream.Collectors.toSet()), new SkuPattern(pattern(l)), p.from(), p.to(), assigned);
        List<FanConversion> fans = new ArrayList<>();
        for (Reservation r : allocated) {
            List<WindowOrder> orders = m.byFan().getOrDefault(r.customerId(), List.of());
            WindowOrder o = orders.stream().filter(WindowOrder::paid).findFirst().orElse(orders.isEmpty() ? null : orders.getFirst());
            String state = o == null || !o.paid() ? "allocated" : o.delivered() ? "delivered" : "paid";
            fans.add(new FanConversion(r.customerId(), r.name(), r.allocated(), state, o == null ? null : o.id(),
                    o == null ? null : o.externalId(), o == null ? null : o.paidAmount(), o == null ? null : o.paidAt(),
                    o != null && assigned.containsKey(o.id())));
        }
        return new Conversion(fans, m.unmatched());
    }

    private static String pattern(Launch l) {
        return l.skuPattern() != null ? l.skuPattern() : l.product();
    }

    // --- trial

    /**
     * The trial: a gift campaign of samples (kind sample) for the trial phase's audience, or the given one (segment,
     * group or tier), linked to the launch. Its window is the trial phase's, else two weeks from now. Once per launch.
     */
    public Campaign trial(long launchId, int quantity, String audienceKind, String audienceValue) {
        Launch l = find(launchId);
        if (tx(c -> new LaunchRepository(c).trialCampaign(launchId)) != null) {
            throw new LaunchException("launches.error.trialExists", "launch #" + launchId + " has a trial campaign already", launchId);
        }
        LaunchPhase p = l.phase(PhaseKind.TRIAL).orElse(null);
        String kind = audienceKind != null ? audienceKind : p == null ? null : p.audienceKind();
        String value = audienceKind != null ? audienceValue : p == null ? null : p.audienceValue();
        if (kind == null) {
            throw new LaunchException("launches.error.trialAudience", "the trial needs an audience: a segment, a group or a tier");
        }
        List<Long> fans = audience(kind, value);
        if (fans.isEmpty()) {
            throw new LaunchException("launches.error.trialNobody", "nobody is in the trial's audience");
        }
        OffsetDateTime opens = p != null && p.from() != null ? p.from() : now();
        OffsetDateTime closes = p != null && p.to() != null && p.to().isAfter(opens) ? p.to() : opens.plusDays(14);
        Messages m = messages();
        String plain = m.get("launches.trial.campaign", l.name());
        String name = campaigns.list().stream().anyMatch(c -> c.name().equals(plain)) ? plain + " #" + launchId : plain;
        Campaign c = campaigns.create(new NewCampaign(name, CampaignKind.SAMPLE, l.product(), l.unitCost(), null, l.currency(),
                quantity, 1, opens, closes, null, null, fans, false, null, ClaimPriority.TIER));
        if (!tx(conn -> new LaunchRepository(conn).linkTrial(launchId, c.id(), now()))) {
            throw new LaunchException("launches.error.trialExists", "launch #" + launchId + " has a trial campaign already", launchId);
        }
        return c;
    }

    /** The launch's trial campaign, if it has one. */
    public java.util.Optional<Campaign> trialCampaign(long launchId) {
        find(launchId);
        Long id = tx(c -> new LaunchRepository(c).trialCampaign(launchId));
        return id == null ? java.util.Optional.empty() : java.util.Optional.of(campaigns.find(id));
    }

    /** What the trial's fans said back (interactions of kind feedback since the trial opened), oldest first. */
    public List<TrialFeedback> feedback(long launchId) {
        return tx(c -> {
            LaunchRepository repo = new LaunchRepository(c);
            launch(repo, launchId);
            Long trial = repo.trialCampaign(launchId);
            return trial == null ? List.<TrialFeedback>of() : repo.feedback(trial);
        });
    }

    // --- report export

    /**
     * The report as an XLSX workbook in the app's language: figures per phase, revenue at each price, votes by tier, the
     * price guesses, the allocations with their reasons, the trial's feedback. Written to a temporary file and moved into
     * place when complete.
     */
    public void exportReport(long launchId, Path file) throws IOException {
        exportReport(launchId, file, messages());
    }

    /** The same in the given language (the command line's --lang). */
    public void exportReport(long launchId, Path file, Messages m) throws IOException {
        LaunchReport report = report(launchId);
        VoteResults votes = votes(launchId);
        List<AllocationLine> lines = tx(c -> new LaunchRepository(c).allocationLines(launchId));
        LaunchReportWorkbook.write(file, report, votes, lines, m, zone());
    }

    private Messages messages() {
        return Messages.of(settings.language().locale(Locale.getDefault()));
    }

    // --- report

    public LaunchReport report(long launchId) {
        return tx(c -> {
            LaunchRepository repo = new LaunchRepository(c);
            Launch l = launch(repo, launchId);
            VoteResults votes = results(repo.votes(launchId), l.plannedPrice());
            List<Reservation> res = repo.activeReservations(launchId);
            SkuPattern pattern = new SkuPattern(pattern(l));
            List<PhaseReport> out = new ArrayList<>();
            for (LaunchPhase p : l.phases()) {
                List<WindowOrder> sold = repo.orders(p.from(), p.to()).stream()
                        .filter(o -> o.paid() && OrderMatcher.matchesProduct(o, pattern)).toList();
                Map<BigDecimal, BigDecimal> byPrice = new TreeMap<>();
                int units = 0;
                Set<Long> buyers = new HashSet<>();
                for (WindowOrder o : sold) {
                    for (WindowOrder.Line line : o.lines()) {
                        if (pattern.matches(line.sku(), line.title())) {
                            units += line.quantity();
                            BigDecimal total = line.lineTotal() != null ? line.lineTotal()
                                    : line.unitPrice() == null ? BigDecimal.ZERO : line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
                            byPrice.merge(line.unitPrice() == null ? BigDecimal.ZERO : line.unitPrice().stripTrailingZeros(), total, BigDecimal::add);
                        }
                    }
                    if (o.customerId() != null) {
                        buyers.add(o.customerId());
                    }
                }
                int returning = repo.orderedBefore(buyers, p.from()).size();
                boolean warm = p.kind() == PhaseKind.WARMUP;
                boolean first = p.kind() == PhaseKind.FIRST_BATCH;
                int vipAfter = 0;
                BigDecimal spendAfter = BigDecimal.ZERO;
                if (first && p.to() != null) {
                    Set<Long> got = new HashSet<>();
                    res.stream().filter(r -> r.allocated() > 0).forEach(r -> got.add(r.customerId()));
                    Set<Long> again = new HashSet<>();
                    for (WindowOrder o : repo.orders(p.to().plusSeconds(1), null)) {
                        if (o.paid() && o.customerId() != null && got.contains(o.customerId()) && o.paidAmount() != null) {
                            again.add(o.customerId());
                            spendAfter = spendAfter.add(o.paidAmount());
                        }
                    }
                    vipAfter = again.size();
                }
                out.add(new PhaseReport(p.kind(), p.from(), p.to(), p.price(), p.reached(), warm ? votes.current().size() : 0,
                        warm ? (int) votes.current().stream().filter(v -> "want".equals(v.choice())).count() : 0,
                        warm ? votes.guesses().median() : null, first ? res.size() : 0,
                        first ? res.stream().mapToInt(Reservation::allocated).sum() : 0, sold.size(), units, byPrice,
                        byPrice.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), buyers.size(), buyers.size() - returning,
                        returning, vipAfter, spendAfter));
            }
            Object[] run = repo.run(launchId);
            Long trial = repo.trialCampaign(launchId);
            return new LaunchReport(l, out, run == null ? null : AllocationPolicy.of((String) run[0]).cli(), run == null ? null : (Long) run[1],
                    trial, trial == null ? List.of() : repo.feedback(trial));
        });
    }

    // --- helpers

    private static LaunchPhase firstBatch(Launch l) {
        return l.phase(PhaseKind.FIRST_BATCH).orElseThrow(() -> new LaunchException("launch.error.noPhase",
                "launch #" + l.id() + " has no first_batch phase", PhaseKind.FIRST_BATCH.code()));
    }

    private static Launch launch(LaunchRepository repo, long id) throws SQLException {
        Launch l = repo.find(id);
        if (l == null) {
            throw new LaunchException("launch.error.unknown", "no launch #" + id, id);
        }
        return l;
    }

    private static Launch find(LaunchRepository repo, long id) throws SQLException {
        return launch(repo, id);
    }

    private static void fan(LaunchRepository repo, long customerId) throws SQLException {
        if (repo.fans(List.of(customerId)).isEmpty()) {
            throw new LaunchException("launch.error.customer", "no customer #" + customerId, customerId);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }


    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T tx(Work<T> work) {
        return database.transactionResult(dsl -> dsl.connectionResult(work::run));
    }

}
