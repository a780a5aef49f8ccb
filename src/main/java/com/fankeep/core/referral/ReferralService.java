package com.fankeep.core.referral;

import com.fankeep.core.customer.CustomerProfile;
import com.fankeep.core.customer.CustomerService;
import com.fankeep.core.customer.InvalidValueException;
import com.fankeep.core.customer.UndoneEdit;
import com.fankeep.core.db.Database;
import com.fankeep.core.shared.NormalizedPhone;
import com.fankeep.core.shared.PhoneNormalizer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who referred whom. Changes go through {@link CustomerService#setReferredBy} (one transaction, loops refused, an undo
 * record like every profile edit); this service reads the trees and the ranking and links referrers named in files.
 */
public final class ReferralService {

    /** Levels shown below a customer in the tree. */
    public static final int TREE_DEPTH = 6;
    /** Prefix of the note kept when a file's referrer text matched no single customer. */
    public static final String NOTE_PREFIX = "推荐人 / Referred by: ";

    /** How the top referrers are ranked. */
    public enum Rank { REFERRED, SPEND }

    private final Database database;
    private final CustomerService customers;
    private volatile java.util.function.Supplier<Map<String, BigDecimal>> rates = () -> null;

    public ReferralService(Database database, CustomerService customers) {
        this.database = database;
        this.customers = customers;
    }

    /**
     * Ranks by spend in the main currency with these rates (the tier settings' exchange rates) rather than by the
     * unconverted sum.
     */
    public ReferralService useRates(java.util.function.Supplier<Map<String, BigDecimal>> rates) {
        this.rates = rates;
        return this;
    }

    public UndoneEdit set(long customerId, long referrerId) {
        return customers.setReferredBy(customerId, referrerId);
    }

    /** Bulk: every one of {@code customerIds} was referred by {@code referrerId}. */
    public UndoneEdit setMany(Collection<Long> customerIds, long referrerId) {
        return customers.setReferredBy(customerIds, referrerId);
    }

    public UndoneEdit clear(long customerId) {
        return customers.setReferredBy(customerId, null);
    }

    /** The customer's referrers up to the first, and who they referred down to {@link #TREE_DEPTH} levels. */
    public ReferralTree tree(long customerId) {
        return read(c -> {
            ReferralRepository repo = new ReferralRepository(c);
            ReferralRepository.Person self = repo.person(customerId);
            if (self == null) {
                throw new InvalidValueException("customer", "no customer #" + customerId);
            }
            List<ReferralNode> up = new ArrayList<>();
            Set<Long> seen = new HashSet<>(List.of(customerId));
            Long next = self.referredBy();
            while (next != null && seen.add(next)) {
                ReferralRepository.Person p = repo.person(next);
                if (p == null) {
                    break;
                }
                up.add(new ReferralNode(p.id(), p.name(), repo.referredBy(p.id()).size(), List.of()));
                next = p.referredBy();
            }
            return new ReferralTree(up, down(repo, self, TREE_DEPTH, new HashSet<>()));
        });
    }

    private static ReferralNode down(ReferralRepository repo, ReferralRepository.Person p, int depth, Set<Long> seen) throws SQLException {
        seen.add(p.id());
        List<ReferralRepository.Person> kids = repo.referredBy(p.id());
        List<ReferralNode> children = new ArrayList<>();
        if (depth > 0) {
            for (ReferralRepository.Person k : kids) {
                if (!seen.contains(k.id())) {
                    children.add(down(repo, k, depth - 1, seen));
                }
            }
        }
        return new ReferralNode(p.id(), p.name(), kids.size(), children);
    }

    /**
     * The best referrers first: by customers referred (then their spend), or by their spend (then how many); spend in
     * the main currency when rates were given ({@link #useRates}), currencies without a rate left out.
     */
    public List<TopReferrer> top(int limit, Rank rank) {
        List<TopReferrer> all = read(c -> {
            ReferralRepository repo = new ReferralRepository(c);
            Map<Long, Map<String, BigDecimal>> spend = repo.referredSpend();
            List<TopReferrer> out = new ArrayList<>();
            repo.referrers().forEach((id, r) -> out.add(new TopReferrer(id, (String) r[0], (Integer) r[1], spend.getOrDefault(id, Map.of()))));
            return out;
        });
        Comparator<TopReferrer> byCount = Comparator.comparingInt(TopReferrer::referred).reversed();
        Map<String, BigDecimal> known = rates.get();
        Comparator<TopReferrer> bySpend = Comparator.comparing((TopReferrer r) -> known == null ? r.spendTotal() : r.spendIn(known)).reversed();
        Comparator<TopReferrer> order = (rank == Rank.SPEND ? bySpend.thenComparing(byCount) : byCount.thenComparing(bySpend))
                .thenComparingLong(TopReferrer::id);
        return all.stream().sorted(order).limit(Math.max(0, limit)).toList();
    }

    /**
     * Links referrers named in a file (Youzan's 分销员, a mapped column): {@code referrerText} per customer id. A text
     * naming exactly one other customer (name, account or phone) sets the referrer, unless the customer has one already;
     * otherwise the text is kept as a note on the customer so nothing is lost.
     */
    public ReferralLinkResult linkNamed(Map<Long, String> referrerText) {
        List<Long> linked = new ArrayList<>();
        List<Long> unmatched = new ArrayList<>();
        List<Long> refused = new ArrayList<>();
        Map<Long, Long> referrers = new java.util.LinkedHashMap<>();
        Map<Long, String> noteLines = new java.util.LinkedHashMap<>();
        for (var e : referrerText.entrySet()) {
            String text = e.getValue() == null ? "" : e.getValue().strip();
            if (text.isEmpty()) {
                continue;
            }
            CustomerProfile p = customers.profile(e.getKey()).orElse(null);
            if (p == null || p.referredById() != null) {
                continue;
            }
            Set<Long> hits = hits(text, e.getKey());
            if (hits.size() == 1) {
                long referrer = hits.iterator().next();
                try {
                    customers.setReferredBy(e.getKey(), referrer);
                    linked.add(e.getKey());
                    referrers.put(e.getKey(), referrer);
                } catch (InvalidValueException | com.fankeep.core.shared.RefusedException loop) {
                    refused.add(e.getKey());
                }
            } else {
                String note = p.note() == null ? "" : p.note();
                String line = NOTE_PREFIX + text;
                if (!note.contains(line)) {
                    customers.setNote(e.getKey(), (note.isEmpty() ? "" : note + "\n") + line);
                    noteLines.put(e.getKey(), line);
                }
                unmatched.add(e.getKey());
            }
        }
        return new ReferralLinkResult(linked, unmatched, refused, referrers, noteLines);
    }

    /**
     * Who a referrer text names, without {@code self}: its parts ("name / phone") tried phones first; the first part
     * naming exactly one customer wins, else the hits of the last part tried (none or several).
     */
    private Set<Long> hits(String text, long self) {
        List<String> parts = new ArrayList<>(java.util.Arrays.stream(text.split(" / ")).map(String::strip).filter(p -> !p.isEmpty()).toList());
        parts.sort(Comparator.comparing(p -> !PhoneNormalizer.normalize(p, null).usableAsKey()));
        Set<Long> hits = Set.of();
        for (String part : parts) {
            NormalizedPhone phone = PhoneNormalizer.normalize(part, null);
            Set<Long> found = new java.util.LinkedHashSet<>(read(c -> new ReferralRepository(c).named(part, phone.usableAsKey() ? phone.e164() : null)));
            found.remove(self);
            if (found.size() == 1) {
                return found;
            }
            hits = found.isEmpty() ? hits : found;
        }
        return hits;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Work<T> work) {
        return database.transactionResult(dsl -> dsl.connectionResult(work::run));
    }
}
