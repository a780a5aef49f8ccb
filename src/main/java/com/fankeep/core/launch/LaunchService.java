package com.fankeep.core.launch;

import com.fankeep.core.db.Database;
import com.fankeep.core.followup.FollowUpService;
import com.fankeep.core.followup.NewFollowUp;
import com.fankeep.core.group.GroupMember;
import com.fankeep.core.group.GroupService;
import com.fankeep.core.segment.SegmentService;
import com.fankeep.core.shared.Messages;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Limited launches (issue #14): phases with the price rule, votes, first-batch reservations, fair allocation (pure, in
 * {@link FairAllocator}) previewed then committed, cancellation with waiting-list promotion, order matching, report.
 * Every change runs in one transaction; a {@link LaunchException} leaves nothing changed.
 */
public final class LaunchService {

    /** One fan's result as shown: the allocation and its reason in words. */
    public record Result(Allocation allocation, String name, String reason) {
    }

    private final Database database;
    private final FollowUpService followUps;
    private final SegmentService segments;
    private final GroupService groups;
    private final Clock clock;

    public LaunchService(Database database, FollowUpService followUps, SegmentService segments, GroupService groups, Clock clock) {
        this.database = database;
        this.followUps = followUps;
        this.segments = segments;
        this.groups = groups;
        this.clock = clock;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(LaunchRepository repo, DSLContext tx) throws SQLException;
    }

    private <T> T tx(Work<T> work) {
        return database.transactionResult(tx -> tx.connectionResult(c -> work.run(new LaunchRepository(c), tx)));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    // --- launches and phases

    public Launch create(NewLaunch n) {
        if (n.name().isEmpty()) {
            throw new LaunchException("launch.error.name", "a launch needs a name");
        }
        if (n.plannedQuantity() != null && n.plannedQuantity() < 0) {
            throw new LaunchException("launch.error.quantity", "the planned quantity cannot be negative");
        }
        int expiry = n.expiryHours() == null ? 48 : n.expiryHours();
        return tx((repo, t) -> repo.find(repo.insert(n, expiry, now())));
    }

    public List<Launch> list() {
        return tx((repo, t) -> repo.list());
    }

    public Launch find(long id) {
        return tx((repo, t) -> launch(repo, id));
    }

    private static Launch launch(LaunchRepository repo, long id) throws SQLException {
        Launch l = repo.find(id);
        if (l == null) {
            throw new LaunchException("launch.error.notFound", "no launch " + id, id);
        }
        return l;
    }

    /** Saves a phase (the same kind again replaces it); refuses a public price below the VIP price, warns on a VIP price below cost. */
    public PhaseSaved phase(long id, PhaseSpec s) {
        if (s.from() != null && s.to() != null && s.to().isBefore(s.from())) {
            throw new LaunchException("launch.error.window", "the phase ends before it starts");
        }
        if ((s.quota() != null && s.quota() < 0) || (s.perCustomer() != null && s.perCustomer() < 1)) {
            throw new LaunchException("launch.error.quota", "the quota must be 0 or more and the per-customer limit 1 or more");
        }
        if (s.price() != null && s.price().signum() < 0) {
            throw new LaunchException("launch.error.price", "a price cannot be negative");
        }
        if (s.audienceKind() != null && !Set.of("segment", "group", "tier").contains(s.audienceKind())) {
            throw new LaunchException("launch.error.audience", "unknown audience " + s.audienceKind(), s.audienceKind());
        }
        return tx((repo, t) -> {
            Launch l = launch(repo, id);
            BigDecimal vip = s.kind() == PhaseKind.FIRST_BATCH ? s.price() : l.phase(PhaseKind.FIRST_BATCH).map(LaunchPhase::price).orElse(null);
            List<String> warnings = new ArrayList<>();
            for (PhaseKind later : List.of(PhaseKind.PUBLIC, PhaseKind.REGULAR)) {
                BigDecimal p = s.kind() == later ? s.price() : l.phase(later).map(LaunchPhase::price).orElse(null);
                warnings = PriceRule.check(vip, p, l.unitCost(), l.currency());
            }
            if (warnings.isEmpty()) {
                warnings = PriceRule.check(vip, null, l.unitCost(), l.currency());
            }
            repo.savePhase(id, s);
            return new PhaseSaved(repo.find(id), warnings);
        });
    }

    /** The fans of a phase's audience (segment rule or saved name, group name, tier code). */
    public List<Long> audience(LaunchPhase p) {
        if (p.audienceKind() == null) {
            return List.of();
        }
        return switch (p.audienceKind()) {
            case "segment" -> segments.memberIds(p.audienceValue());
            case "group" -> groups.members(groups.find(p.audienceValue()).id(), false).stream().map(GroupMember::customerId).toList();
            default -> tx((repo, t) -> repo.tierMembers(p.audienceValue()));
        };
    }

    /** Starts a phase: one follow-up per fan of its audience, due today, created with the phase's start in one transaction. */
    public StartResult start(long id, PhaseKind kind, Messages m) {
        Launch l = find(id);
        LaunchPhase p = l.phase(kind).orElseThrow(() -> new LaunchException("launch.error.noPhase",
                "the launch has no " + kind.code() + " phase", kind.code()));
        if (p.startedAt() != null) {
            throw new LaunchException("launch.error.started", "the " + kind.code() + " phase was already started", kind.code());
        }
        List<Long> fans = new ArrayList<>(new java.util.LinkedHashSet<>(audience(p)));
        if (kind == PhaseKind.PAUSE) {
            // chase the unpaid: allocated fans with no paid order in the first batch's window
            conversion(id).fans().stream().filter(f -> "allocated".equals(f.state())).forEach(f -> fans.add(f.customerId()));
        } else if (kind == PhaseKind.PUBLIC) {
            // announce the public sale to those who did not get one
            Set<Long> got = new java.util.HashSet<>();
            reservations(id).stream().filter(r -> r.allocated() > 0 && !"cancelled".equals(r.state())).forEach(r -> got.add(r.customerId()));
            fans.removeIf(got::contains);
        }
        String title = m.get("launch.followup." + kind.code(), l.name());
        return tx((repo, t) -> {
            int made = fans.isEmpty() ? 0 : followUps.schedule(t, fans, NewFollowUp.on(title, LocalDate.now(clock))).size();
            repo.started(p.id(), id, kind, now(), fans.size());
            return new StartResult(kind, fans.size(), made);
        });
    }

    // --- votes

    /** Logs a fan's answer: want, no, or another choice's text; the previous answer stays as history. */
    public Vote vote(long id, long customerId, String choice, BigDecimal priceGuess, String channel) {
        String c = choice == null ? "" : choice.strip();
        if (c.isEmpty()) {
            throw new LaunchException("launch.error.choice", "a vote needs a choice (want, no or another)");
        }
        String normalized = Set.of("want", "no").contains(c.toLowerCase(Locale.ROOT)) ? c.toLowerCase(Locale.ROOT) : c;
        if (priceGuess != null && priceGuess.signum() < 0) {
            throw new LaunchException("launch.error.price", "a price cannot be negative");
        }
        return tx((repo, t) -> {
            launch(repo, id);
            fan(repo, customerId);
            repo.retireVotes(id, customerId);
            repo.insertVote(id, customerId, normalized, priceGuess, blankToNull(channel), now());
            return repo.votes(id).stream().filter(v -> v.current() && v.customerId() == customerId).findFirst().orElseThrow();
        });
    }

    public VoteResults votes(long id) {
        return tx((repo, t) -> {
            Launch l = launch(repo, id);
            List<Vote> all = repo.votes(id);
            List<Vote> current = all.stream().filter(Vote::current).toList();
            Map<String, Map<String, Integer>> byTier = new TreeMap<>();
            for (Vote v : current) {
                byTier.computeIfAbsent(v.tier() == null ? "none" : v.tier(), k -> new TreeMap<>()).merge(v.choice(), 1, Integer::sum);
            }
            Map<Long, Long> answers = all.stream().collect(Collectors.groupingBy(Vote::customerId, Collectors.counting()));
            int changed = (int) answers.values().stream().filter(n -> n > 1).count();
            PriceStats stats = PriceStats.of(current.stream().map(Vote::priceGuess).filter(java.util.Objects::nonNull).toList());
            return new VoteResults(current, byTier, stats, l.plannedPrice(), changed);
        });
    }

    // --- reservations

    /** Records a fan's first-batch request (again: replaces it); after the allocation it joins the end of the waiting list. */
    public Reservation reserve(long id, long customerId, int quantity, OffsetDateTime at, String channel) {
        if (quantity < 1) {
            throw new LaunchException("launch.error.quantity", "a request is for at least 1");
        }
        return tx((repo, t) -> {
            Launch l = launch(repo, id);
            LaunchPhase p = firstBatch(l);
            fan(repo, customerId);
            OffsetDateTime when = at == null ? now() : at;
            Reservation existing = active(repo, id, customerId);
            if (existing != null) {
                if (!"requested".equals(existing.state())) {
                    throw new LaunchException("launch.error.alreadyAllocated", "this fan's request was already allocated");
                }
                repo.updateRequest(existing.id(), quantity, when, blankToNull(channel));
            } else if (repo.run(id) != null) {
                int last = repo.activeReservations(id).stream().map(Reservation::waitlistPosition).filter(java.util.Objects::nonNull)
                        .mapToInt(Integer::intValue).max().orElse(0);
                repo.insertReservation(id, p.id(), customerId, quantity, when, blankToNull(channel), "waitlisted", last + 1, now());
            } else {
                repo.insertReservation(id, p.id(), customerId, quantity, when, blankToNull(channel), "requested", null, now());
            }
            return active(repo, id, customerId);
        });
    }

    public List<Reservation> reservations(long id) {
        return tx((repo, t) -> {
            launch(repo, id);
            return repo.allReservations(id);
        });
    }

    private static Reservation active(LaunchRepository repo, long id, long customerId) throws SQLException {
        return repo.activeReservations(id).stream().filter(r -> r.customerId() == customerId).findFirst().orElse(null);
    }

    private static LaunchPhase firstBatch(Launch l) {
        LaunchPhase p = l.phase(PhaseKind.FIRST_BATCH).orElseThrow(() -> new LaunchException("launch.error.noPhase",
                "the launch has no first_batch phase", PhaseKind.FIRST_BATCH.code()));
        if (p.quota() == null) {
            throw new LaunchException("launch.error.noQuota", "the first batch has no quota");
        }
        return p;
    }

    private static int limit(LaunchPhase p) {
        return p.perCustomer() == null ? Math.max(1, p.quota()) : p.perCustomer();
    }

    // --- allocation

    /**
     * Shares the first batch's quota among the requests under a policy; {@code seed} null draws one (recorded either
     * way). A dry run changes nothing; a commit stores each fan's result and the run, once per launch.
     */
    public List<Result> allocate(long id, AllocationPolicy policy, Long seed, boolean tierWeighted, boolean dryRun, Messages m) {
        long s = seed == null ? new java.util.SplittableRandom().nextLong(1, Long.MAX_VALUE) : seed;
        return tx((repo, t) -> {
            Launch l = launch(repo, id);
            LaunchPhase p = firstBatch(l);
            if (repo.run(id) != null) {
                throw new LaunchException("launch.error.allocated", "the first batch was already allocated; cancel to promote the waiting list");
            }
            List<Reservation> requests = repo.activeReservations(id);
            if (requests.isEmpty()) {
                throw new LaunchException("launch.error.noRequests", "there are no requests to allocate");
            }
            AllocationRules rules = new AllocationRules(policy, p.quota(), limit(p), s, tierWeighted, p.from(), p.to());
            List<Allocation> results = FairAllocator.allocate(requests.stream()
                    .map(r -> new AllocationRequest(r.customerId(), r.tier(), r.quantity(), r.requestedAt())).toList(), rules);
            Map<Long, Reservation> byFan = new HashMap<>();
            requests.forEach(r -> byFan.put(r.customerId(), r));
            List<Result> out = new ArrayList<>();
            for (Allocation a : results) {
                String reason = AllocationReasons.text(m, a, clock.getZone(), LocalDate.now(clock), policy);
                out.add(new Result(a, byFan.get(a.customerId()).name(), reason));
                if (!dryRun) {
                    repo.setAllocation(byFan.get(a.customerId()).id(), a.allocated() > 0 ? "allocated" : "waitlisted", a.allocated(),
                            a.waitlistPosition(), reason, a.allocated() > 0 ? now() : null);
                }
            }
            if (!dryRun) {
                repo.insertRun(id, rules, now());
                List<Long> told = results.stream().filter(a -> a.allocated() > 0).map(Allocation::customerId).toList();
                if (!told.isEmpty()) {
                    followUps.schedule(t, told, NewFollowUp.on(m.get("launch.followup.allocated", l.name()), LocalDate.now(clock)));
                }
            }
            return List.copyOf(out);
        });
    }

    /** Cancels a fan's reservation; the units it held go down the waiting list in order, each promotion with a follow-up. */
    public CancelResult cancel(long id, long customerId, Messages m) {
        return tx((repo, t) -> {
            Launch l = launch(repo, id);
            LaunchPhase p = firstBatch(l);
            Reservation r = active(repo, id, customerId);
            if (r == null) {
                throw new LaunchException("launch.error.noReservation", "this fan has no active reservation", customerId);
            }
            repo.setState(r.id(), "cancelled");
            List<Promotion> promotions = promote(repo, t, l, p, r.allocated(), m);
            return new CancelResult(customerId, r.allocated(), promotions);
        });
    }

    private List<Promotion> promote(LaunchRepository repo, DSLContext t, Launch l, LaunchPhase p, int freed, Messages m) throws SQLException {
        Map<Long, Reservation> waiting = new LinkedHashMap<>();
        List<WaitlistEntry> entries = new ArrayList<>();
        for (Reservation w : repo.activeReservations(l.id())) {
            if (w.waitlistPosition() != null) {
                waiting.put(w.customerId(), w);
                entries.add(new WaitlistEntry(w.customerId(), Math.min(w.quantity(), limit(p)), w.allocated(), w.waitlistPosition()));
            }
        }
        List<Promotion> promotions = WaitlistPromotion.promote(entries, freed);
        for (Promotion pr : promotions) {
            Reservation w = waiting.get(pr.customerId());
            repo.setAllocation(w.id(), pr.allocatedNow() > 0 ? "allocated" : "waitlisted", pr.allocatedNow(), pr.newPosition(),
                    null, pr.added() > 0 ? now() : w.allocatedAt());
            if (pr.added() > 0) {
                followUps.schedule(t, List.of(pr.customerId()), NewFollowUp.on(m.get("launch.followup.promoted", l.name(),
                        pr.allocatedNow()), LocalDate.now(clock)));
            }
        }
        return promotions;
    }

    // --- orders and report

    /** Allocated fans and their orders matched by customer (or assigned by hand) + SKU/title pattern + first-batch window. */
    public Conversion conversion(long id) {
        return tx((repo, t) -> conversion(repo, launch(repo, id)));
    }

    private static Conversion conversion(LaunchRepository repo, Launch l) throws SQLException {
        LaunchPhase p = l.phase(PhaseKind.FIRST_BATCH).orElse(null);
        if (p == null) {
            return new Conversion(List.of(), List.of());
        }
        Map<Long, Reservation> allocated = new LinkedHashMap<>();
        for (Reservation r : repo.activeReservations(l.id())) {
            if (r.allocated() > 0) {
                allocated.put(r.customerId(), r);
            }
        }
        Map<Long, Long> assigned = repo.assignments(l.id());
        OrderMatcher.Result match = OrderMatcher.match(repo.orders(p.from(), p.to()), allocated.keySet(), new SkuPattern(pattern(l)),
                p.from(), p.to(), assigned);
        List<FanConversion> fans = new ArrayList<>();
        for (Reservation r : allocated.values()) {
            List<WindowOrder> orders = match.byFan().getOrDefault(r.customerId(), List.of());
            WindowOrder o = orders.stream().filter(WindowOrder::paid).findFirst().orElse(orders.isEmpty() ? null : orders.getFirst());
            String state = o == null || !o.paid() ? "allocated" : o.delivered() ? "delivered" : "paid";
            fans.add(new FanConversion(r.customerId(), r.name(), r.allocated(), state, o == null ? null : o.id(),
                    o == null ? null : o.externalId(), o == null ? null : o.paidAmount(), o == null ? null : o.paidAt(),
                    o != null && assigned.containsKey(o.id())));
        }
        return new Conversion(fans, match.unmatched());
    }

    /** A launch's product pattern: its SKU pattern, else its product name. */
    static String pattern(Launch l) {
        return l.skuPattern() != null ? l.skuPattern() : l.product();
    }

    /** Assigns an order in a window to a fan by hand (bought under another account). */
    public void assign(long id, long orderId, long customerId) {
        tx((repo, t) -> {
            launch(repo, id);
            fan(repo, customerId);
            if (!repo.orderExists(orderId)) {
                throw new LaunchException("launch.error.noOrder", "no order " + orderId, orderId);
            }
            repo.assign(id, orderId, customerId, now());
            return null;
        });
    }

    public LaunchReport report(long id) {
        return tx((repo, t) -> {
            Launch l = launch(repo, id);
            List<Vote> current = repo.votes(id).stream().filter(Vote::current).toList();
            List<Reservation> reservations = repo.allReservations(id);
            SkuPattern pattern = new SkuPattern(pattern(l));
            List<PhaseReport> rows = new ArrayList<>();
            for (LaunchPhase p : l.phases()) {
                rows.add(LaunchReports.phase(repo, l, p, pattern, current, reservations));
            }
            Object[] run = repo.run(id);
            return new LaunchReport(l, rows, run == null ? null : (String) run[0], run == null ? null : (Long) run[1]);
        });
    }

    // --- helpers

    private static LaunchRepository.Fan fan(LaunchRepository repo, long customerId) throws SQLException {
        LaunchRepository.Fan f = repo.fans(List.of(customerId)).get(customerId);
        if (f == null) {
            throw new LaunchException("launch.error.noCustomer", "no customer " + customerId, customerId);
        }
        return f;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static <T> List<T> nonNull(Collection<T> c) {
        return c.stream().filter(java.util.Objects::nonNull).toList();
    }
}
