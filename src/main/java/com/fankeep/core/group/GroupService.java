package com.fankeep.core.group;

import com.fankeep.core.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hand-picked groups (WeChat, QQ, offline city circles, other): create and edit them, add and remove members, mark
 * who left, and the invite list. An add is one transaction that holds the group's row lock: past the capacity it is
 * refused whole; customers outside the eligibility segment are only added when the owner confirmed, and each such add
 * is recorded on the membership and in the audit log.
 */
public final class GroupService {

    /** Invite-list candidates checked against the eligibility segment per round. */
    private static final int INVITE_PAGE = 500;

    private final Database database;
    private final GroupSegments segments;
    private final Clock clock;
    private final Runnable afterCapacityCheck;

    public GroupService(Database database, GroupSegments segments, Clock clock) {
        this(database, segments, clock, () -> { });
    }

    /** @param afterCapacityCheck runs inside an add between the capacity check and the inserts (tests widen the race) */
    GroupService(Database database, GroupSegments segments, Clock clock, Runnable afterCapacityCheck) {
        this.database = database;
        this.segments = segments;
        this.clock = clock;
        this.afterCapacityCheck = afterCapacityCheck;
    }

    // --- groups

    public List<FanGroup> list() {
        return tx(c -> new GroupRepository(c).list());
    }

    public FanGroup find(String name) {
        FanGroup g = tx(c -> new GroupRepository(c).byName(name == null ? "" : name.strip()));
        if (g == null) {
            throw new GroupException("group.error.unknown", "no group named " + name, name);
        }
        return g;
    }

    public FanGroup find(long id) {
        FanGroup g = tx(c -> new GroupRepository(c).byId(id));
        if (g == null) {
            throw new GroupException("group.error.unknown", "no group #" + id, "#" + id);
        }
        return g;
    }

    public FanGroup create(NewGroup g) {
        if (g.name().isEmpty() || g.name().length() > 200) {
            throw new GroupException("group.error.name", "a group name needs 1 to 200 characters");
        }
        Integer capacity = g.capacity() != null ? g.capacity() : g.kind().defaultCapacity();
        checkCapacity(capacity);
        if (g.eligibleSegment() != null) {
            segments.check(g.eligibleSegment());
        }
        OffsetDateTime now = now();
        long id = tx(c -> {
            GroupRepository repo = new GroupRepository(c);
            if (repo.byName(g.name()) != null) {
                throw new GroupException("group.error.nameTaken", "a group named " + g.name() + " exists", g.name());
            }
            return repo.insert(g, capacity, now);
        });
        return find(id);
    }

    /** Renames, changes the capacity (not below the current members) or the eligibility segment (null: anyone). */
    public FanGroup update(long id, String name, Integer capacity, String eligibleSegment) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new GroupException("group.error.name", "a group name needs 1 to 200 characters");
        }
        checkCapacity(capacity);
        String seg = eligibleSegment == null || eligibleSegment.isBlank() ? null : eligibleSegment.strip();
        if (seg != null) {
            segments.check(seg);
        }
        OffsetDateTime now = now();
        tx(c -> {
            GroupRepository repo = new GroupRepository(c);
            FanGroup g = repo.byId(id);
            if (g == null) {
                throw new GroupException("group.error.unknown", "no group #" + id, "#" + id);
            }
            FanGroup other = repo.byName(n);
            if (other != null && other.id() != id) {
                throw new GroupException("group.error.nameTaken", "a group named " + n + " exists", n);
            }
            repo.lock(id, now);
            int current = repo.currentMembers(id);
            if (capacity != null && capacity < current) {
                throw new GroupException("group.error.capacityBelow", "capacity " + capacity + " is below the "
                        + current + " current members", capacity, current);
            }
            repo.update(id, n, capacity, seg, now);
            return null;
        });
        return find(id);
    }

    public void delete(long id) {
        tx(c -> {
            new GroupRepository(c).delete(id);
            return null;
        });
    }

    private static void checkCapacity(Integer capacity) {
        if (capacity != null && (capacity < 1 || capacity > 100_000)) {
            throw new GroupException("group.error.capacityRange", "capacity must be 1 to 100000", capacity);
        }
    }

    // --- members

    /** What adding would do, for the confirmation (nothing is written). */
    public AddPlan plan(long groupId, Collection<Long> customerIds) {
        FanGroup g = find(groupId);
        return tx(c -> plan(new GroupRepository(c), g, customerIds));
    }

    private AddPlan plan(GroupRepository repo, FanGroup g, Collection<Long> customerIds) throws SQLException {
        Set<Long> requested = new LinkedHashSet<>(customerIds);
        List<Long> live = repo.live(requested);
        Set<Long> liveSet = Set.copyOf(live);
        Map<Long, Boolean> rows = repo.memberships(g.id());
        List<Long> toAdd = new ArrayList<>();
        List<Long> already = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (long id : requested) {
            if (!liveSet.contains(id)) {
                unknown.add(id);
            } else if (Boolean.TRUE.equals(rows.get(id))) {
                already.add(id);
            } else {
                toAdd.add(id);
            }
        }
        List<Long> notEligible = new ArrayList<>();
        if (g.eligibleSegment() != null && !toAdd.isEmpty()) {
            Set<Long> ok = segments.matching(g.eligibleSegment(), toAdd);
            toAdd.stream().filter(id -> !ok.contains(id)).forEach(notEligible::add);
        }
        int current = repo.currentMembers(g.id());
        int free = g.capacity() == null ? -1 : Math.max(0, g.capacity() - current);
        return new AddPlan(g.name(), toAdd, notEligible, already, unknown, free);
    }

    /**
     * Adds customers as members (former members rejoin). Refused whole, nothing added, when it would pass the capacity
     * ({@link GroupException.CapacityExceeded}) or when some do not meet the eligibility segment and
     * {@code confirmedExceptions} is false ({@link GroupException.NotEligible}).
     */
    public AddResult add(long groupId, Collection<Long> customerIds, boolean confirmedExceptions) {
        FanGroup before = find(groupId);
        OffsetDateTime now = now();
        return tx(c -> {
            GroupRepository repo = new GroupRepository(c);
            repo.lock(groupId, now);
            FanGroup g = repo.byId(groupId); // read again under the lock
            if (g == null) {
                throw new GroupException("group.error.unknown", "no group #" + groupId, before.name());
            }
            AddPlan plan = plan(repo, g, customerIds);
            if (!plan.fits()) {
                throw new GroupException.CapacityExceeded(plan.group(), g.capacity(), g.capacity() - plan.free(), plan.toAdd().size());
            }
            if (!plan.notEligible().isEmpty() && !confirmedExceptions) {
                throw new GroupException.NotEligible(plan.group(), g.eligibleSegment(), plan.notEligible());
            }
            afterCapacityCheck.run();
            Map<Long, Boolean> rows = repo.memberships(groupId);
            Set<Long> exceptions = Set.copyOf(plan.notEligible());
            for (long id : plan.toAdd()) {
                boolean exception = exceptions.contains(id);
                if (rows.containsKey(id)) {
                    repo.rejoin(groupId, id, exception, now);
                } else {
                    repo.insertMember(groupId, id, GroupRole.MEMBER, exception, now);
                }
                if (exception) {
                    repo.auditException(groupId, id, g.eligibleSegment(), now);
                }
            }
            return new AddResult(plan.toAdd(), plan.notEligible(), plan.already(), plan.unknown());
        });
    }

    /** Adds everyone a segment (saved name or rule) holds; same rules as {@link #add}. */
    public AddResult addSegment(long groupId, String segment, boolean confirmedExceptions) {
        return add(groupId, segments.members(segment), confirmedExceptions);
    }

    /** Everyone a segment (saved name or rule) holds, to add after a {@link #plan}. */
    public List<Long> segmentMembers(String segment) {
        return segments.members(segment);
    }

    /** Deletes the memberships (as if they never joined). @return how many */
    public int remove(long groupId, Collection<Long> customerIds) {
        find(groupId);
        return tx(c -> new GroupRepository(c).remove(groupId, List.copyOf(new LinkedHashSet<>(customerIds))));
    }

    /** Current members left the group today (kept with the date; they no longer count toward the capacity). */
    public int markLeft(long groupId, Collection<Long> customerIds) {
        find(groupId);
        OffsetDateTime now = now();
        return tx(c -> new GroupRepository(c).markLeft(groupId, List.copyOf(new LinkedHashSet<>(customerIds)), now));
    }

    public int setRole(long groupId, Collection<Long> customerIds, GroupRole role) {
        find(groupId);
        return tx(c -> new GroupRepository(c).setRole(groupId, List.copyOf(new LinkedHashSet<>(customerIds)), role));
    }

    /** Members, current first (owner, admins, members), then those who left when {@code withLeft}. */
    public List<GroupMember> members(long groupId, boolean withLeft) {
        find(groupId);
        return tx(c -> new GroupRepository(c).members(groupId, withLeft));
    }

    /**
     * Who to invite: meets the eligibility segment, not a current member, not do-not-contact; most valuable first (net
     * spend, then orders). At most {@code limit}.
     */
    public List<InviteCandidate> inviteList(long groupId, int limit) {
        FanGroup g = find(groupId);
        List<InviteCandidate> out = new ArrayList<>();
        int offset = 0;
        while (out.size() < limit) {
            int from = offset;
            List<InviteCandidate> page = tx(c -> new GroupRepository(c).candidates(groupId, INVITE_PAGE, from));
            if (page.isEmpty()) {
                break;
            }
            Set<Long> ok = g.eligibleSegment() == null ? null
                    : segments.matching(g.eligibleSegment(), page.stream().map(InviteCandidate::customerId).toList());
            for (InviteCandidate cand : page) {
                if ((ok == null || ok.contains(cand.customerId())) && out.size() < limit) {
                    out.add(cand);
                }
            }
            offset += INVITE_PAGE;
        }
        return out;
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
