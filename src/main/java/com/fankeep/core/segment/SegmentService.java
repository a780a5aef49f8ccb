package com.fankeep.core.segment;

import com.fankeep.core.db.DataChanges;
import com.fankeep.core.db.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Which customers": rules in the segment language ({@link RuleParser}), compiled to one SQL query, and the rules
 * the owner saved under a name. Every feature that works on a set of customers takes a segment name or rule here.
 */
public final class SegmentService implements com.fankeep.core.customer.SegmentScope {

    /** The longest saved name. */
    public static final int MAX_NAME = 200;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SegmentService.class);

    private final Database database;
    private final RuleSql sql;
    private final Clock clock;
    /** The facts counts are evaluated over, rebuilt when the database's data version moved (ADR 0014). */
    private final Object factsLock = new Object();
    private SegmentFacts facts;
    /** The version at which the facts could not be built (then SQL answers until the data changes). */
    private long factsFailedAt = -1;

    public SegmentService(Database database) {
        this(database, Clock.systemDefaultZone());
    }

    /** @param clock "now" for {@code within N days}, and the shop's time zone for dates */
    public SegmentService(Database database, Clock clock) {
        this.database = database;
        this.sql = new RuleSql(clock);
        this.clock = clock;
    }

    /**
     * The facts of the current data. After writes, only the fact groups whose tables were written are read again
     * (ADR 0025); everything when a write could not be named. The version is taken before reading, so a write landing
     * during the read leaves them tagged old and the next call refreshes. Null when they cannot be built (then callers
     * use SQL).
     */
    private SegmentFacts facts() {
        synchronized (factsLock) {
            long version = database.dataVersion();
            if (facts != null && facts.version() == version) {
                return facts;
            }
            SegmentFacts old = facts;
            facts = null;
            if (factsFailedAt == version) {
                return null;
            }
            try {
                SegmentFactsRepository repo = new SegmentFactsRepository(database.dsl());
                if (old == null) {
                    facts = repo.read(version);
                } else {
                    DataChanges changes = database.dataChangesSince(old.version());
                    facts = repo.refresh(old, changes);
                }
                return facts;
            } catch (RuntimeException e) {
                LOG.warn("segment facts not built, counting in SQL: {}", e.toString());
                factsFailedAt = version;
                return null;
            }
        }
    }

    /** The facts if they are current, without building them. */
    private SegmentFacts currentFacts() {
        synchronized (factsLock) {
            return facts != null && facts.version() == database.dataVersion() ? facts : null;
        }
    }

    /** The heap the current facts take (bytes, arrays and dictionaries), building them if needed; -1 without facts. */
    public long factsBytes() {
        SegmentFacts f = facts();
        return f == null ? -1 : f.bytes();
    }

    /** The count as the SQL query gives it (the oracle of the in-memory count, and its fallback). */
    long countInSql(Rule rule) {
        return new SegmentRepository(database.dsl()).count(sql.where(rule));
    }

    List<Long> memberIdsInSql(Rule rule) {
        return new SegmentRepository(database.dsl()).ids(sql.where(rule));
    }

    private List<Long> ids(SegmentFacts f, BitSet bits) {
        List<Long> out = new ArrayList<>(bits.cardinality());
        long[] all = f.ids();
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            out.add(all[i]);
        }
        return out;
    }

    /** Parses a rule (throws {@link SegmentRuleException} with the column of the problem). */
    public Rule parse(String rule) {
        return RuleParser.parse(rule);
    }

    /** How many live customers match the rule text. */
    public long count(String rule) {
        return count(parse(rule));
    }

    public long count(Rule rule) {
        SegmentFacts f = facts();
        return f == null ? countInSql(rule) : new FactsEvaluator(f, clock).matching(rule).cardinality();
    }

    /** The count and the do-not-contact part of it, in one query (the editor's live count). */
    public SegmentSize size(Rule rule) {
        SegmentFacts f = facts();
        if (f == null) {
            return new SegmentRepository(database.dsl()).size(sql.where(rule));
        }
        BitSet bits = new FactsEvaluator(f, clock).matching(rule);
        long all = bits.cardinality();
        bits.and(f.doNotContact());
        return new SegmentSize(all, bits.cardinality());
    }

    /** The rule's condition on {@code customer} (not including "live"), for the customer list's segment filter. */
    @Override
    public org.jooq.Condition condition(String ruleOrSavedName) {
        return sql.condition(resolve(ruleOrSavedName));
    }

    @Override
    public List<String> names() {
        return list().stream().map(SavedSegment::name).toList();
    }

    /** The count query of a rule as SQL text with its values inlined (benchmarks, diagnosing a slow rule). */
    public String sql(String rule) {
        return database.dsl().renderInlined(database.dsl().selectCount().from(com.fankeep.core.db.jooq.Tables.CUSTOMER)
                .where(sql.where(parse(rule))));
    }

    /** Members (ascending ids) of a saved segment's name, or else of the rule text. */
    public List<Long> memberIds(String ruleOrSavedName) {
        Rule rule = resolve(ruleOrSavedName);
        SegmentFacts f = facts();
        return f == null ? memberIdsInSql(rule) : ids(f, new FactsEvaluator(f, clock).matching(rule));
    }

    /** Of {@code customerIds}, those matching the rule (e.g. a group's eligibility rule when members are added). */
    public Set<Long> matching(String rule, Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return Set.of();
        }
        Rule parsed = resolve(rule);
        SegmentFacts f = currentFacts(); // a few ids: not worth a rebuild, SQL is quick for them
        if (f != null) {
            BitSet bits = new FactsEvaluator(f, clock).matching(parsed);
            Set<Long> out = new LinkedHashSet<>();
            for (Long id : new java.util.TreeSet<>(customerIds)) {
                int slot = id == null ? -1 : f.slot(id);
                if (slot >= 0 && bits.get(slot)) {
                    out.add(id);
                }
            }
            return out;
        }
        return new LinkedHashSet<>(new SegmentRepository(database.dsl()).idsAmong(sql.where(resolve(rule)), customerIds));
    }

    /**
     * The customers to reach: do-not-contact members are left out (and counted) unless {@code includeDoNotContact}.
     */
    public Audience audience(String ruleOrSavedName, boolean includeDoNotContact) {
        Rule rule = resolve(ruleOrSavedName);
        SegmentFacts f = facts();
        List<List<Long>> split;
        if (f == null) {
            split = new SegmentRepository(database.dsl()).idsByContact(sql.where(rule));
        } else {
            BitSet bits = new FactsEvaluator(f, clock).matching(rule);
            BitSet dnc = (BitSet) bits.clone();
            dnc.and(f.doNotContact());
            bits.andNot(f.doNotContact());
            split = List.of(ids(f, bits), ids(f, dnc));
        }
        if (includeDoNotContact) {
            List<Long> all = new java.util.ArrayList<>(split.get(0));
            all.addAll(split.get(1));
            all.sort(null);
            return new Audience(all, 0);
        }
        return new Audience(split.get(0), split.get(1).size());
    }

    /** The rule a saved name stands for, or the text parsed as a rule. */
    public Rule resolve(String ruleOrSavedName) {
        String text = ruleOrSavedName == null ? "" : ruleOrSavedName.strip();
        Optional<SavedSegment> saved = text.isEmpty() ? Optional.empty() : find(text);
        return parse(saved.map(SavedSegment::rule).orElse(text));
    }

    /** Saves (or replaces) a rule under a name; the rule must parse, and is stored in its canonical printed form. */
    public SavedSegment save(String name, String rule) {
        String n = checkName(name);
        String canonical = RulePrinter.print(parse(rule));
        return database.transactionResult(dsl -> new SegmentRepository(dsl).save(n, canonical));
    }

    /** Renames a saved segment; false when there is none by that name. Refused when the new name is taken. */
    public boolean rename(String from, String to) {
        String n = checkName(to);
        return database.transactionResult(dsl -> {
            SegmentRepository repo = new SegmentRepository(dsl);
            if (!from.equals(n) && repo.find(n).isPresent()) {
                throw new SegmentRuleException(0, "segment.error.nameTaken", null, n);
            }
            return repo.rename(from, n);
        });
    }

    public List<SavedSegment> list() {
        return new SegmentRepository(database.dsl()).list();
    }

    public Optional<SavedSegment> find(String name) {
        return new SegmentRepository(database.dsl()).find(name == null ? "" : name.strip());
    }

    /** Deletes a saved segment; throws when there is none by that name. */
    public void delete(String name) {
        boolean deleted = database.transactionResult(dsl -> new SegmentRepository(dsl).delete(name == null ? "" : name.strip()));
        if (!deleted) {
            throw new SegmentRuleException(0, "segment.error.noSuchSegment", null, name);
        }
    }

    private static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw new SegmentRuleException(0, "segment.error.badName", null, n);
        }
        return n;
    }
}
