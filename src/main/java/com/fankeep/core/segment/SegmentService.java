package com.fankeep.core.segment;

import com.fankeep.core.db.Database;
import java.time.Clock;
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

    private final Database database;
    private final RuleSql sql;

    public SegmentService(Database database) {
        this(database, Clock.systemDefaultZone());
    }

    /** @param clock "now" for {@code within N days}, and the shop's time zone for dates */
    public SegmentService(Database database, Clock clock) {
        this.database = database;
        this.sql = new RuleSql(clock);
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
        return new SegmentRepository(database.dsl()).count(sql.where(rule));
    }

    /** The count and the do-not-contact part of it, in one query (the editor's live count). */
    public SegmentSize size(Rule rule) {
        return new SegmentRepository(database.dsl()).size(sql.where(rule));
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
        return new SegmentRepository(database.dsl()).ids(sql.where(resolve(ruleOrSavedName)));
    }

    /** Of {@code customerIds}, those matching the rule (e.g. a group's eligibility rule when members are added). */
    public Set<Long> matching(String rule, Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(new SegmentRepository(database.dsl()).idsAmong(sql.where(resolve(rule)), customerIds));
    }

    /**
     * The customers to reach: do-not-contact members are left out (and counted) unless {@code includeDoNotContact}.
     */
    public Audience audience(String ruleOrSavedName, boolean includeDoNotContact) {
        List<List<Long>> split = new SegmentRepository(database.dsl()).idsByContact(sql.where(resolve(ruleOrSavedName)));
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
