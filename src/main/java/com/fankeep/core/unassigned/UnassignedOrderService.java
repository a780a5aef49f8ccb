package com.fankeep.core.unassigned;

import com.fankeep.core.customer.CustomerChangeListener;
import com.fankeep.core.db.CustomerSortKeys;
import com.fankeep.core.db.Database;
import com.fankeep.core.shared.NormalizedPhone;
import com.fankeep.core.shared.PhoneNormalizer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Orders stored without a customer because the platform masked the buyer (ADR 0007, issue #11): grouped into
 * unidentified buyers, each with known customers who may be them and the evidence; the owner attaches a group to
 * the customer of their choice (one transaction with its undo record and the customer's figures), never FanKeep
 * by itself.
 */
public final class UnassignedOrderService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SUGGESTIONS = 5;

    /** What an assignment's undo record holds; {@code created}: the customer was made for these orders (with these channels). */
    record UndoData(long customerId, List<Long> orderIds, boolean created, List<Long> channelIds) {

        UndoData {
            channelIds = channelIds == null ? List.of() : List.copyOf(channelIds); // records written before
        }

        UndoData(long customerId, List<Long> orderIds) {
            this(customerId, orderIds, false, List.of());
        }
    }

    private final Database database;
    private final CustomerChangeListener changes;

    public UnassignedOrderService(Database database, CustomerChangeListener changes) {
        this.database = database;
        this.changes = changes;
    }

    /** How many orders have no customer (the Imports page's count). */
    public int count() {
        return database.transactionResult(dsl -> dsl.fetchCount(dsl.selectOne().from("shop_order").where("customer_id is null")));
    }

    /** Every unidentified buyer with their orders and suggestions, strongest suggestion first, then most orders. */
    public List<BuyerGroup> groups() {
        return database.transactionResult(dsl -> {
            UnassignedRepository repo = new UnassignedRepository(dsl);
            Map<String, List<UnassignedRepository.Row>> byKey = group(repo.unassigned());
            Map<Long, Set<String>> titles = repo.titles(byKey.values().stream().flatMap(List::stream)
                    .map(r -> r.order().id()).toList());
            List<BuyerGroup> out = new ArrayList<>();
            for (var e : byKey.entrySet()) {
                UnassignedRepository.Row first = e.getValue().getFirst();
                Set<String> bought = new LinkedHashSet<>();
                e.getValue().forEach(r -> bought.addAll(titles.getOrDefault(r.order().id(), Set.of())));
                MaskedPhone phone = MaskedPhone.of(first.phone());
                out.add(new BuyerGroup(e.getKey(), first.name(), phone != null ? phone.shown() : first.phone(), place(first),
                        e.getValue().stream().map(UnassignedRepository.Row::order).toList(),
                        suggest(repo, first, phone, bought)));
            }
            out.sort(Comparator.comparingInt((BuyerGroup g) -> g.suggestions().isEmpty() ? 0 : -g.suggestions().getFirst().strength())
                    .thenComparingInt(g -> -g.orders().size()));
            return out;
        });
    }

    /**
     * Attaches the orders (order numbers, or platform:number when two platforms share one) and every other order of
     * their unidentified buyers to the customer. Refused, changing nothing, for an unknown order or customer or an
     * order that already has a customer.
     */
    public AssignResult assign(List<String> orderRefs, long customerId) {
        AssignResult result = database.transactionResult(dsl -> {
            UnassignedRepository repo = new UnassignedRepository(dsl);
            if (repo.known(customerId) == null) {
                throw new AssignRefusedException("orders.unassigned.noCustomer", "no customer #" + customerId,
                        Long.toString(customerId));
            }
            Buyers buyers = buyersOf(repo, orderRefs);
            long audit = attach(dsl, repo, buyers, customerId, new UndoData(customerId, buyers.orderIds()),
                    "attached " + buyers.orderIds().size() + " orders without a customer to #" + customerId);
            return new AssignResult(audit, customerId, buyers.numbers());
        });
        changes.customersChanged(List.of(result.customerId()));
        return result;
    }

    /**
     * "Create a customer for this masked buyer" (issue #11): a new customer named as the owner typed it (blank: the
     * receiver's name as the export showed it, e.g. 孙*), with the phone they typed if any and the place of the buyer's
     * orders, then every order of the buyers of {@code orderRefs} attached to them as {@link #assign} does. One undo
     * record: its undo detaches the orders and removes the customer again. Refused, changing nothing, for an unknown or
     * attached order, a phone that is not one, or no name at all.
     */
    public AssignResult assignToNewCustomer(List<String> orderRefs, String name, String phone) {
        NormalizedPhone typed = null;
        if (phone != null && !phone.isBlank()) {
            typed = PhoneNormalizer.normalize(phone.strip(), null);
            if (typed.kind() == NormalizedPhone.Kind.INVALID) {
                throw new AssignRefusedException("orders.unassigned.badPhone", "not a phone number: " + phone, phone.strip());
            }
        }
        NormalizedPhone p = typed;
        AssignResult result = database.transactionResult(dsl -> {
            UnassignedRepository repo = new UnassignedRepository(dsl);
            Buyers buyers = buyersOf(repo, orderRefs);
            UnassignedRepository.Row first = buyers.rows().getFirst();
            String n = name != null && !name.isBlank() ? name.strip() : first.name() == null ? "" : first.name().strip();
            if (n.isEmpty()) {
                throw new AssignRefusedException("orders.unassigned.nameNeeded", "a name is needed for the new customer");
            }
            OffsetDateTime now = OffsetDateTime.now();
            long customerId = repo.createCustomer(n, first.province(), first.city(), now);
            List<Long> channels = p == null ? List.of()
                    : List.of(repo.addPhone(customerId, p.raw(), p.e164() != null ? p.e164() : p.raw(),
                    p.kind() == NormalizedPhone.Kind.MASKED));
            long audit = attach(dsl, repo, buyers, customerId, new UndoData(customerId, buyers.orderIds(), true, channels),
                    "made customer #" + customerId + " for " + buyers.orderIds().size() + " orders without a customer");
            return new AssignResult(audit, customerId, buyers.numbers(), n);
        });
        changes.customersChanged(List.of(result.customerId()));
        return result;
    }

    /** The orders of every unidentified buyer one of {@code orderRefs} belongs to, and those buyers' rows. */
    private record Buyers(List<UnassignedRepository.Row> rows, List<Long> orderIds, List<String> numbers) {
    }

    private static Buyers buyersOf(UnassignedRepository repo, List<String> orderRefs) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String ref : orderRefs) {
            ids.add(resolve(repo, ref));
        }
        List<UnassignedRepository.Row> rows = repo.unassigned();
        Map<Long, String> keyOf = new LinkedHashMap<>();
        group(rows).forEach((key, members) -> members.forEach(r -> keyOf.put(r.order().id(), key)));
        Set<String> keys = new LinkedHashSet<>();
        ids.forEach(id -> keys.add(keyOf.get(id)));
        List<UnassignedRepository.Row> theirs = new ArrayList<>();
        for (UnassignedRepository.Row r : rows) {
            if (keys.contains(keyOf.get(r.order().id()))) {
                theirs.add(r);
            }
        }
        return new Buyers(theirs, theirs.stream().map(r -> r.order().id()).toList(),
                theirs.stream().map(r -> r.order().orderNo()).toList());
    }

    /** Attaches the buyers' orders, refreshes the customer's figures and sort keys, and writes the undo record. */
    private static long attach(DSLContext dsl, UnassignedRepository repo, Buyers buyers, long customerId, UndoData undo,
                               String summary) {
        repo.attach(buyers.orderIds(), customerId, OffsetDateTime.now());
        repo.recomputeFigures(customerId);
        CustomerSortKeys.refresh(dsl, List.of(customerId));
        return repo.audit(customerId, summary, write(undo));
    }

    /** Takes the newest assignment back; empty when there is none. */
    public java.util.Optional<AssignResult> undoLast() {
        Long newest = database.transactionResult(dsl -> new UnassignedRepository(dsl).newestAssignment());
        return newest == null ? java.util.Optional.empty() : java.util.Optional.of(undo(newest));
    }

    /** Takes an assignment back: its orders (those still the customer's) are without a customer again. */
    public AssignResult undo(long auditId) {
        AssignResult result = database.transactionResult(dsl -> {
            UnassignedRepository repo = new UnassignedRepository(dsl);
            String data = repo.undoData(auditId);
            if (data == null) {
                throw new AssignRefusedException("orders.unassigned.noAssignment", "no assignment " + auditId + " to undo",
                        Long.toString(auditId));
            }
            UndoData undo = read(data);
            if (undo.created() && !repo.onlyWhatItWasMadeWith(undo.customerId(), undo.orderIds(), undo.channelIds())) {
                throw new AssignRefusedException("orders.unassigned.madeInUse", "customer #" + undo.customerId()
                        + " has more than the assignment gave them", Long.toString(undo.customerId()));
            }
            OffsetDateTime now = OffsetDateTime.now();
            repo.detach(undo.orderIds(), undo.customerId(), now);
            if (undo.created()) {
                repo.deleteCustomer(undo.customerId()); // with the channels it was made with, its figures and tier
            } else {
                repo.recomputeFigures(undo.customerId());
                CustomerSortKeys.refresh(dsl, List.of(undo.customerId()));
            }
            repo.markUndone(auditId, now);
            return new AssignResult(auditId, undo.customerId(), numbers(dsl, undo.orderIds()));
        });
        changes.customersChanged(List.of(result.customerId()));
        return result;
    }

    private static List<String> numbers(DSLContext dsl, List<Long> ids) {
        List<String> out = new ArrayList<>();
        for (Long id : ids) {
            Record r = dsl.fetchOne("select external_order_id from shop_order where id = ?", id);
            if (r != null) {
                out.add(r.get(0, String.class));
            }
        }
        return out;
    }

    private static long resolve(UnassignedRepository repo, String ref) {
        String r = ref.strip();
        int colon = r.indexOf(':');
        String platform = colon > 0 ? r.substring(0, colon).toLowerCase(java.util.Locale.ROOT) : null;
        String no = colon > 0 ? r.substring(colon + 1) : r;
        List<Record> found = repo.ordersNumbered(platform, no);
        if (found.isEmpty()) {
            throw new AssignRefusedException("orders.unassigned.noOrder", "no order " + ref, ref);
        }
        if (found.size() > 1) {
            throw new AssignRefusedException("orders.unassigned.ambiguous", "several platforms have order " + ref, ref,
                    found.stream().map(x -> x.get(1, String.class) + ":" + no).toList().toString());
        }
        Record o = found.getFirst();
        if (o.get(3) != null) {
            throw new AssignRefusedException("orders.unassigned.alreadyAssigned", "order " + ref + " has a customer", ref,
                    Long.toString(o.get(3, Long.class)));
        }
        return o.get(0, Long.class);
    }

    /** Orders by unidentified buyer: same masked phone, surname and address; an order with neither stands alone. */
    static Map<String, List<UnassignedRepository.Row>> group(List<UnassignedRepository.Row> rows) {
        Map<String, List<UnassignedRepository.Row>> out = new LinkedHashMap<>();
        for (UnassignedRepository.Row r : rows) {
            out.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    static String key(UnassignedRepository.Row r) {
        MaskedPhone phone = MaskedPhone.of(r.phone());
        String surname = surname(r.name());
        if (phone == null && surname == null) {
            return "order:" + r.order().id();
        }
        return (phone != null ? phone.shown() : "") + "|" + (surname != null ? surname : "") + "|" + squeeze(r.province())
                + "|" + squeeze(r.city()) + "|" + squeeze(r.district()) + "|" + squeeze(r.address());
    }

    private List<Suggestion> suggest(UnassignedRepository repo, UnassignedRepository.Row buyer, MaskedPhone phone,
                                     Set<String> bought) {
        Map<Long, String> byPhone = phone == null ? Map.of() : repo.phonesEndingWith(phone.tail());
        Set<Long> candidates = new LinkedHashSet<>();
        byPhone.forEach((id, number) -> {
            if (phone.fits(number)) {
                candidates.add(id);
            }
        });
        String surname = surname(buyer.name());
        if (surname != null && buyer.city() != null) {
            candidates.addAll(repo.surnameInCity(surname, buyer.city()));
        }
        List<Suggestion> out = new ArrayList<>();
        for (long id : candidates) {
            UnassignedRepository.Known k = repo.known(id);
            if (k == null) {
                continue;
            }
            Suggestion s = weigh(k, buyer, phone, byPhone.get(id), surname, bought);
            if (s.strength() >= 30) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingInt(Suggestion::strength).reversed().thenComparingLong(Suggestion::customerId));
        return out.size() > MAX_SUGGESTIONS ? out.subList(0, MAX_SUGGESTIONS) : out;
    }

    /** The evidence for one candidate and its strength: a fitting phone 50, surname 20, district 20 or city 10, item 10. */
    static Suggestion weigh(UnassignedRepository.Known k, UnassignedRepository.Row buyer, MaskedPhone phone, String number,
                            String surname, Set<String> bought) {
        List<Evidence> evidence = new ArrayList<>();
        int strength = 0;
        if (phone != null && number != null && phone.fits(number)) {
            evidence.add(new Evidence("phone_tail", phone.tail()));
            if (!phone.head().isEmpty()) {
                evidence.add(new Evidence("phone_head", phone.head()));
            }
            strength += phone.head().isEmpty() ? 35 : 50;
        }
        if (surname != null && k.name() != null && k.name().startsWith(surname)) {
            evidence.add(new Evidence("surname", surname));
            strength += 20;
        }
        if (buyer.district() != null && k.districts().contains(buyer.district())) {
            evidence.add(new Evidence("district", buyer.district()));
            strength += 20;
        } else if (buyer.city() != null && k.cities().contains(buyer.city())) {
            evidence.add(new Evidence("city", buyer.city()));
            strength += 10;
        }
        for (String title : bought) {
            if (k.titles().contains(title)) {
                evidence.add(new Evidence("item", title));
                strength += 10;
                break;
            }
        }
        return new Suggestion(k.id(), k.name(), k.city(), strength, evidence);
    }

    /** 孙 of 孙*, 张 of 张**; null for Latin names, encrypted receivers and empty ones. */
    static String surname(String name) {
        if (name == null || name.isBlank() || name.startsWith("#") || name.startsWith("$")) {
            return null;
        }
        int cp = name.strip().codePointAt(0);
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN ? Character.toString(cp) : null;
    }

    private static String place(UnassignedRepository.Row r) {
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {r.province(), r.city(), r.district()}) {
            if (p != null && !p.isBlank() && !parts.contains(p)) {
                parts.add(p);
            }
        }
        return String.join(" ", parts);
    }

    private static String squeeze(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "");
    }

    private static String write(UndoData data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UndoData read(String json) {
        try {
            return JSON.readValue(json, UndoData.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
