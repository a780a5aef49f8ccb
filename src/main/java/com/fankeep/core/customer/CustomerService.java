package com.fankeep.core.customer;

import static com.fankeep.core.db.jooq.Tables.AUDIT_LOG;
import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_TAG;

import com.fankeep.core.customer.CustomerPage.PageCursor;
import com.fankeep.core.db.CustomerSortKeys;
import com.fankeep.core.db.Database;
import com.fankeep.core.shared.NormalizedPhone;
import com.fankeep.core.shared.PhoneNormalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Field;

/**
 * The customers workspace: the list (keyset pages, filters, search), one customer's profile, and edits. Every edit is
 * one transaction that also writes an undo record ({@code audit_log}); {@link #undoLast} takes the newest back.
 * After each commit the {@link CustomerChangeListener} hears which customers changed (the search index refreshes).
 */
public final class CustomerService {

    /** Search hits a list shows at most (best first). */
    public static final int SEARCH_LIMIT = 500;
    private static final int MAX_PAGE = 1_000;

    private final Database db;
    private final CustomerSearchService search;
    private final TimelineService timeline;
    private final CustomerChangeListener listener;

    public CustomerService(Database db, CustomerSearchService search, TimelineService timeline, CustomerChangeListener listener) {
        this.db = db;
        this.search = search;
        this.timeline = timeline;
        this.listener = listener;
    }

    // --- reading

    /**
     * One page of the list. With search text the page is the best {@link #SEARCH_LIMIT} hits that pass the filter,
     * in rank order (no further page); without, rows in sort order after {@code after}.
     */
    public CustomerPage page(CustomerQuery query, PageCursor after, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        if (!query.search().isEmpty()) {
            long[] ids = search.search(query.search(), SEARCH_LIMIT);
            return new CustomerPage(list().byIds(ids, query.filter()), null);
        }
        return list().page(query.filter(), query.sort(), query.descending(), after, size);
    }

    private SegmentScope segments;

    /** Lets the list be filtered by a saved segment or rule (the wiring passes the segment service). */
    public void useSegments(SegmentScope segments) {
        this.segments = segments;
    }

    /** The saved segments' names for the list's filter (none before {@link #useSegments}). */
    public List<String> segmentNames() {
        return segments == null ? List.of() : segments.names();
    }

    /** Of {@code ids}, those who asked not to be contacted (left out of a segment's export). */
    public Set<Long> doNotContact(Collection<Long> ids) {
        Set<Long> out = new java.util.TreeSet<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 1_000) {
            out.addAll(db.dsl().select(com.fankeep.core.db.jooq.Tables.CUSTOMER.ID).from(com.fankeep.core.db.jooq.Tables.CUSTOMER)
                    .where(com.fankeep.core.db.jooq.Tables.CUSTOMER.ID.in(all.subList(from, Math.min(all.size(), from + 1_000))))
                    .and(com.fankeep.core.db.jooq.Tables.CUSTOMER.DO_NOT_CONTACT.isTrue())
                    .fetch(com.fankeep.core.db.jooq.Tables.CUSTOMER.ID));
        }
        return out;
    }

    private CustomerListRepository list() {
        return new CustomerListRepository(db.dsl(), segments);
    }

    /** How many live customers pass the filter. */
    public long count(CustomerFilter filter) {
        return list().count(filter);
    }

    /** Ids of every live customer passing the filter (bulk actions on all filtered). */
    public List<Long> ids(CustomerFilter filter) {
        return list().ids(filter);
    }

    /** The best matches of {@code text}, best first (the search index must be built: see {@link CustomerSearchService}). */
    public List<CustomerRow> search(String text, int limit) {
        long[] ids = search.search(text, Math.max(1, Math.min(limit, SEARCH_LIMIT)));
        return list().byIds(ids, CustomerFilter.NONE);
    }

    public Optional<CustomerProfile> profile(long id) {
        CustomerRepository repo = new CustomerRepository(db.dsl());
        if (!repo.isLive(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(repo.profile(id, timeline.timeline(id)));
    }

    public List<String> tags() {
        return new CustomerRepository(db.dsl()).allTags();
    }

    public List<String> cities() {
        return new CustomerRepository(db.dsl()).cities();
    }

    // --- customer fields

    public UndoneEdit rename(long id, String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new InvalidValueException("name", "a name cannot be empty");
        }
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(CUSTOMER.NAME, n);
        v.put(CUSTOMER.NAME_PINYIN, PinyinKeys.full(n));
        v.put(CUSTOMER.NAME_INITIALS, PinyinKeys.initials(n));
        return updateCustomer(id, "name", v);
    }

    public UndoneEdit setBirthday(long id, Birthday birthday) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(CUSTOMER.BIRTHDAY_YEAR, birthday == null || birthday.year() == null ? null : birthday.year().shortValue());
        v.put(CUSTOMER.BIRTHDAY_MONTH, birthday == null ? null : (short) birthday.month());
        v.put(CUSTOMER.BIRTHDAY_DAY, birthday == null ? null : (short) birthday.day());
        return updateCustomer(id, "birthday", v);
    }

    public UndoneEdit setNote(long id, String note) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(CUSTOMER.NOTE, note == null || note.isBlank() ? null : note);
        return updateCustomer(id, "note", v);
    }

    public UndoneEdit setCity(long id, String city) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(CUSTOMER.CITY, city == null || city.isBlank() ? null : city.strip());
        return updateCustomer(id, "city", v);
    }

    /** @param referrerId another live customer, or null to clear */
    public UndoneEdit setReferredBy(long id, Long referrerId) {
        return setReferredBy(List.of(id), referrerId);
    }

    /**
     * Bulk: the customers were referred by {@code referrerId} (null clears). Refused when it would close a loop
     * (A referred B, B referred A — also through others): the referrer's chain of referrers may not reach any of them.
     *
     * @throws ReferralLoopException naming the referrer and the customer the loop would pass through; nothing changed
     */
    public UndoneEdit setReferredBy(Collection<Long> ids, Long referrerId) {
        if (referrerId != null && (ids.contains(referrerId) || !new CustomerRepository(db.dsl()).isLive(referrerId))) {
            throw new InvalidValueException("customer", "no other customer " + referrerId);
        }
        return edit("referred_by", ids, (repo, undo, live) -> {
            if (referrerId != null) {
                List<Long> locked = new ArrayList<>(live);
                locked.add(referrerId);
                repo.lock(locked); // two opposite links written at once must not both pass the check
                Long loop = repo.firstInChain(referrerId, live);
                if (loop != null) {
                    throw new ReferralLoopException(referrerId, repo.label(referrerId), loop, repo.label(loop));
                }
            }
            Map<Field<?>, Object> v = new LinkedHashMap<>();
            v.put(CUSTOMER.REFERRED_BY_ID, referrerId);
            for (long l : live) {
                repo.updateCustomer(undo, l, v);
            }
            return live;
        });
    }

    public UndoneEdit setDoNotContact(long id, boolean doNotContact, String reason) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(CUSTOMER.DO_NOT_CONTACT, doNotContact);
        v.put(CUSTOMER.DO_NOT_CONTACT_REASON, doNotContact && reason != null && !reason.isBlank() ? reason.strip() : null);
        return updateCustomer(id, "do_not_contact", v);
    }

    /** Bulk: moves the customers to a recovery state (none, to_contact, contacted, added, active_again). */
    public UndoneEdit setRecoveryState(Collection<Long> ids, String state) {
        if (!List.of("none", "to_contact", "contacted", "added", "active_again").contains(state)) {
            throw new InvalidValueException("state", "unknown recovery state " + state);
        }
        return edit("recovery_state", ids, (repo, undo, live) -> {
            OffsetDateTime now = OffsetDateTime.now();
            for (long id : live) {
                Map<Field<?>, Object> v = new LinkedHashMap<>();
                v.put(CUSTOMER.RECOVERY_STATE, state);
                v.put(CUSTOMER.RECOVERY_STATE_AT, now);
                repo.updateCustomer(undo, id, v);
            }
            return live;
        });
    }

    // --- tags

    public UndoneEdit tag(Collection<Long> ids, String tag) {
        String name = tagName(tag);
        return edit("tag", ids, (repo, undo, live) -> repo.addTag(undo, live, repo.tagId(name)));
    }

    public UndoneEdit untag(Collection<Long> ids, String tag) {
        String name = tagName(tag);
        return edit("untag", ids, (repo, undo, live) -> {
            Long tagId = repo.existingTagId(name);
            return tagId == null ? List.of() : repo.removeTag(undo, live, tagId);
        });
    }

    private static String tagName(String tag) {
        String t = tag == null ? "" : tag.strip();
        if (t.isEmpty() || t.length() > 100) {
            throw new InvalidValueException("tag", "a tag needs 1 to 100 characters");
        }
        return t;
    }

    // --- contact channels

    /** Adds a channel (phone, wechat, qq, weibo, douyin, email, address); the first of its kind becomes primary. */
    public UndoneEdit addChannel(long customerId, String kind, String value) {
        Parsed p = parse(kind, value);
        return edit("channel_add", List.of(customerId), (repo, undo, live) -> {
            if (live.isEmpty()) {
                return live;
            }
            repo.insertChannel(undo, customerId, kind, null, p.raw, p.normalized, p.masked);
            return live;
        });
    }

    /** Changes a channel's value (validated as when added). */
    public UndoneEdit editChannel(long channelId, String value) {
        return channelEdit(channelId, "channel_edit", (repo, undo, kind) -> {
            Parsed p = parse(kind, value);
            Map<Field<?>, Object> v = new LinkedHashMap<>();
            v.put(CONTACT_CHANNEL.RAW_VALUE, p.raw);
            v.put(CONTACT_CHANNEL.NORMALIZED_VALUE, p.normalized);
            v.put(CONTACT_CHANNEL.IS_MASKED, p.masked);
            repo.updateChannel(undo, channelId, v);
        });
    }

    public UndoneEdit removeChannel(long channelId) {
        return channelEdit(channelId, "channel_remove", (repo, undo, kind) -> repo.deleteChannel(undo, channelId));
    }

    public UndoneEdit makePrimary(long channelId) {
        return channelEdit(channelId, "channel_primary", (repo, undo, kind) ->
                repo.makePrimary(undo, repo.customerOfChannel(channelId), kind, channelId));
    }

    /** known → exported → requested → connected (any step may be set, also back). */
    public UndoneEdit setFunnelState(long channelId, String state) {
        if (!ContactChannel.FUNNEL.contains(state)) {
            throw new InvalidValueException("state", "unknown funnel state " + state);
        }
        return channelEdit(channelId, "channel_funnel", (repo, undo, kind) -> {
            Map<Field<?>, Object> v = new LinkedHashMap<>();
            v.put(CONTACT_CHANNEL.FUNNEL_STATE, state);
            v.put(CONTACT_CHANNEL.FUNNEL_STATE_AT, OffsetDateTime.now());
            repo.updateChannel(undo, channelId, v);
        });
    }

    /** Checks a channel value as the owner types it; throws {@link InvalidValueException} saying what is wrong. */
    public static void checkChannel(String kind, String value) {
        parse(kind, value);
    }

    record Parsed(String raw, String normalized, boolean masked) {
    }

    /** Validates a channel value as the owner typed it. */
    static Parsed parse(String kind, String value) {
        if (kind == null || !ContactChannel.KINDS.contains(kind)) {
            throw new InvalidValueException("kind", "unknown channel kind " + kind);
        }
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new InvalidValueException("value", "a value is needed");
        }
        return switch (kind) {
            case "phone" -> {
                NormalizedPhone p = PhoneNormalizer.normalize(v, null);
                if (p.kind() == NormalizedPhone.Kind.INVALID) {
                    throw new InvalidValueException("phone", "not a phone number");
                }
                yield new Parsed(p.raw(), p.e164() != null ? p.e164() : p.raw(), p.kind() == NormalizedPhone.Kind.MASKED);
            }
            case "email" -> {
                int at = v.indexOf('@');
                if (at <= 0 || at == v.length() - 1 || v.indexOf('@', at + 1) >= 0 || v.contains(" ")) {
                    throw new InvalidValueException("email", "not an e-mail address");
                }
                yield new Parsed(v, v.toLowerCase(Locale.ROOT), false);
            }
            case "address" -> new Parsed(v, null, false);
            default -> new Parsed(v, v, false);
        };
    }

    // --- undo

    /** Takes the newest customer edit back; empty when there is none left. */
    public Optional<UndoneEdit> undoLast() {
        return undo(dsl -> UndoLog.latest(dsl));
    }

    /** Takes one edit back (its id from the edit's {@link UndoneEdit#auditId()}). */
    public Optional<UndoneEdit> undo(long auditId) {
        return undo(dsl -> UndoLog.find(dsl, auditId));
    }

    private Optional<UndoneEdit> undo(Function<org.jooq.DSLContext, UndoLog.Entry> which) {
        UndoneEdit done = db.transactionResult(dsl -> {
            UndoLog.Entry e = which.apply(dsl);
            if (e == null) {
                return null;
            }
            UndoLog.apply(dsl, e, CUSTOMER, CONTACT_CHANNEL, CUSTOMER_TAG);
            CustomerSortKeys.refresh(dsl, e.customerIds());
            com.fankeep.core.db.DuplicateKeyMarks.mark(dsl, e.customerIds());
            return new UndoneEdit(e.auditId(), e.summary(), e.customerIds());
        });
        if (done == null) {
            return Optional.empty();
        }
        listener.customersChanged(done.customerIds());
        return Optional.of(done);
    }

    /** How many customer edits can still be undone. */
    public int undoableCount() {
        return db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq(UndoLog.ACTION).and(AUDIT_LOG.UNDONE_AT.isNull()));
    }

    // --- plumbing

    private interface Work {
        List<Long> run(CustomerRepository repo, UndoLog undo, List<Long> liveIds);
    }

    private interface ChannelWork {
        void run(CustomerRepository repo, UndoLog undo, String kind);
    }

    private UndoneEdit updateCustomer(long id, String kind, Map<Field<?>, Object> values) {
        return edit(kind, List.of(id), (repo, undo, live) -> {
            for (long l : live) {
                repo.updateCustomer(undo, l, values);
            }
            return live;
        });
    }

    private UndoneEdit channelEdit(long channelId, String what, ChannelWork work) {
        Long customer = new CustomerRepository(db.dsl()).customerOfChannel(channelId);
        if (customer == null) {
            throw new InvalidValueException("channel", "no channel " + channelId);
        }
        return edit(what, List.of(customer), (repo, undo, live) -> {
            String kind = repo.kindOfChannel(channelId);
            if (kind == null || live.isEmpty()) {
                return List.of();
            }
            work.run(repo, undo, kind);
            return live;
        });
    }

    /** One transaction: the work on the live customers among {@code ids}, and its undo record when it changed anything. */
    private UndoneEdit edit(String kind, Collection<Long> ids, Work work) {
        List<Long> requested = new ArrayList<>(ids);
        if (requested.isEmpty()) {
            return new UndoneEdit(0, kind, List.of());
        }
        UndoneEdit done = db.transactionResult(dsl -> {
            CustomerRepository repo = new CustomerRepository(dsl);
            List<Long> live = new ArrayList<>();
            for (int i = 0; i < requested.size(); i += 1_000) {
                live.addAll(repo.liveAmong(requested.subList(i, Math.min(requested.size(), i + 1_000))));
            }
            if (live.isEmpty()) {
                throw new InvalidValueException("customer", "no such customer");
            }
            UndoLog undo = new UndoLog(dsl);
            List<Long> changed = work.run(repo, undo, live);
            if (undo.isEmpty()) {
                return new UndoneEdit(0, kind, List.of());
            }
            if (kind.startsWith("channel_") || kind.equals("tag") || kind.equals("untag")) {
                CustomerSortKeys.refresh(dsl, changed); // the list sorts by first nickname, channel count, first tag
            }
            com.fankeep.core.db.DuplicateKeyMarks.mark(dsl, changed);   // names, cities, notes, channels: scan keys
            return new UndoneEdit(undo.write(kind, changed), kind, changed);
        });
        if (!done.customerIds().isEmpty()) {
            listener.customersChanged(done.customerIds());
        }
        return done;
    }
}
