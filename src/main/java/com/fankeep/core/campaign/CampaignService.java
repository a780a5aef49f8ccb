package com.fankeep.core.campaign;

import com.fankeep.core.db.Database;
import com.fankeep.core.followup.FollowUpReason;
import com.fankeep.core.followup.FollowUpService;
import com.fankeep.core.followup.NewFollowUp;
import com.fankeep.core.segment.Audience;
import com.fankeep.core.segment.SegmentService;
import com.fankeep.core.settings.SettingsService;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.template.TemplateService;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gift campaigns (issue 13, ADR 0019): set one up, announce it (one personal follow-up per audience member), take
 * claims against the stock, cancel (the waitlist moves up), ship, deliver, thank, close. A claim or cancel is one
 * transaction that first takes the campaign row's lock, so concurrent claims never oversell and keep their order.
 */
public final class CampaignService {

    /** Days after shipping to ask whether the parcel arrived. */
    public static final int DELIVERY_CHECK_DAYS = 5;
    private static final int RETRIES = 20;

    private final Database database;
    private final SegmentService segments;
    private final FollowUpService followUps;
    private final TemplateService templates;
    private final SettingsService settings;
    private final Clock clock;

    public CampaignService(Database database, SegmentService segments, FollowUpService followUps, TemplateService templates,
                           SettingsService settings, Clock clock) {
        this.database = database;
        this.segments = segments;
        this.followUps = followUps;
        this.templates = templates;
        this.settings = settings;
        this.clock = clock;
    }

    // --- campaigns

    /** Creates a draft with its audience resolved now: one invited entry per member (do-not-contact left out and counted). */
    public Campaign create(NewCampaign n) {
        check(n);
        Audience audience = audience(n);
        OffsetDateTime now = now();
        long id = tx(c -> {
            CampaignRepository repo = new CampaignRepository(c);
            if (repo.byName(n.name()) != null) {
                throw new CampaignException("campaign.error.nameTaken", "a campaign named " + n.name() + " exists", n.name());
            }
            long cid = repo.insert(n, audience.doNotContactLeftOut(), now);
            repo.insertInvited(cid, audience.customerIds(), now);
            return cid;
        });
        return find(id);
    }

    private Audience audience(NewCampaign n) {
        int given = (n.audienceSegment() != null ? 1 : 0) + (n.audienceGroupId() != null ? 1 : 0)
                + (n.pickedCustomerIds().isEmpty() ? 0 : 1);
        if (given > 1) {
            throw new CampaignException("campaign.error.audience", "choose one audience: a segment, a group or picked customers");
        }
        if (n.audienceSegment() != null) {
            return segments.audience(n.audienceSegment(), n.includeDoNotContact());
        }
        if (n.audienceGroupId() != null) {
            String group = tx(c -> new CampaignRepository(c).groupName(n.audienceGroupId()));
            if (group == null) {
                throw new CampaignException("campaign.error.noGroup", "no group #" + n.audienceGroupId(), n.audienceGroupId());
            }
            return segments.audience("group = '" + group.replace("\\", "\\\\").replace("'", "\\'") + "'", n.includeDoNotContact());
        }
        return tx(c -> new CampaignRepository(c).picked(n.pickedCustomerIds(), n.includeDoNotContact()));
    }

    private static void check(NewCampaign n) {
        if (n.name().isEmpty() || n.name().length() > 200) {
            throw new CampaignException("campaign.error.name", "a campaign name needs 1 to 200 characters");
        }
        if (n.quantity() < 1 || n.quantity() > 1_000_000) {
            throw new CampaignException("campaign.error.quantity", "the quantity must be 1 to 1000000", n.quantity());
        }
        if (n.perCustomer() < 1 || n.perCustomer() > n.quantity()) {
            throw new CampaignException("campaign.error.perCustomer", "the per-customer limit must be 1 to the quantity",
                    n.perCustomer());
        }
        for (BigDecimal m : List.of(n.unitCost(), n.shippingCost())) {
            if (m.signum() < 0 || m.scale() > 2 || m.precision() - m.scale() > 12) {
                throw new CampaignException("campaign.error.money", "costs are 0 or more with at most two decimals", m.toPlainString());
            }
        }
        if (!n.currency().matches("[A-Z]{3}")) {
            throw new CampaignException("campaign.error.currency", "a currency is three letters (CNY)", n.currency());
        }
        if (n.opens() == null || n.closes() == null || !n.opens().isBefore(n.closes())) {
            throw new CampaignException("campaign.error.window", "the claim window needs an opening before its close");
        }
    }

    public Campaign find(long id) {
        Campaign c = tx(conn -> new CampaignRepository(conn).campaign(id));
        if (c == null) {
            throw new CampaignException("campaign.error.unknown", "no campaign #" + id, "#" + id);
        }
        return c;
    }

    public List<Campaign> list() {
        return tx(c -> new CampaignRepository(c).list());
    }

    public List<CampaignEntry> entries(long campaignId) {
        find(campaignId);
        return tx(c -> new CampaignRepository(c).entries(campaignId));
    }

    /** The board: the campaign, counts per state, and the waitlist in the order it moves up. */
    public CampaignBoard board(long campaignId) {
        Campaign campaign = find(campaignId);
        List<CampaignEntry> all = entries(campaignId);
        Map<EntryState, Integer> counts = new EnumMap<>(EntryState.class);
        for (EntryState s : EntryState.values()) {
            counts.put(s, 0);
        }
        all.forEach(e -> counts.merge(e.state(), 1, Integer::sum));
        List<CampaignEntry> waitlist = all.stream().filter(e -> e.state() == EntryState.WAITLISTED)
                .sorted(waitlistOrder(campaign.priority())).toList();
        return new CampaignBoard(campaign, counts, all, waitlist);
    }

    /**
     * Announces: renders the announcement for each invited customer (kept on the entry, to paste into WeChat/QQ) and
     * schedules one follow-up per customer to send it; done, it is logged as an interaction.
     *
     * @return how many follow-ups were scheduled
     */
    public int announce(long campaignId) {
        Campaign campaign = find(campaignId);
        if (campaign.status() != CampaignStatus.DRAFT) {
            throw new CampaignException("campaign.error.notDraft", "only a draft is announced", campaign.name());
        }
        List<CampaignEntry> invited = tx(c -> new CampaignRepository(c).inState(campaignId, List.of(EntryState.INVITED)));
        List<String> texts = new ArrayList<>();
        for (CampaignEntry e : invited) {
            texts.add(campaign.announcement() == null || campaign.announcement().isBlank() ? null
                    : templates.renderText(campaign.announcement(), e.customerId(), null).text());
        }
        OffsetDateTime now = now();
        // one transaction: the status, the rendered messages, the template and the follow-ups commit together
        return database.transactionResult(dsl -> {
            dsl.connectionResult(c -> {
                CampaignRepository repo = new CampaignRepository(c);
                for (int i = 0; i < invited.size(); i++) {
                    repo.setMessage(invited.get(i).id(), texts.get(i));
                }
                repo.setStatus(campaignId, CampaignStatus.ANNOUNCED, now);
                return null;
            });
            if (invited.isEmpty()) {
                return 0;
            }
            // the announcement as a message template too: "Copy message" on the follow-up renders it for that fan
            Long templateId = campaign.announcement() == null || campaign.announcement().isBlank() ? null
                    : templates.create(dsl, messages().get("campaign.template.name", campaign.name()), campaign.announcement()).id();
            NewFollowUp f = new NewFollowUp(messages().get("campaign.followup.announce", campaign.name()), FollowUpReason.MANUAL,
                    today(), null, null, templateId, null);
            return followUps.schedule(dsl, invited.stream().map(CampaignEntry::customerId).toList(), f).size();
        });
    }

    /** Moves a campaign forward to {@code status} (never back). Closing expires the invitations nobody claimed. */
    public Campaign advance(long campaignId, CampaignStatus status) {
        Campaign campaign = find(campaignId);
        if (status.ordinal() <= campaign.status().ordinal()) {
            throw new CampaignException("campaign.error.backwards", "a campaign only moves forward", campaign.status().code(),
                    status.code());
        }
        OffsetDateTime now = now();
        tx(c -> {
            CampaignRepository repo = new CampaignRepository(c);
            repo.setStatus(campaignId, status, now);
            if (status == CampaignStatus.CLOSED || status == CampaignStatus.SHIPPING) {
                repo.expireInvited(campaignId, now);
            }
            return null;
        });
        return find(campaignId);
    }

    // --- claims

    /** A claim of one unit now, by the given channel. */
    public ClaimResult claim(long campaignId, long customerId, String channel, boolean confirmOutside) {
        return claim(campaignId, customerId, channel, null, 1, confirmOutside);
    }

    /**
     * A claim: takes {@code units} from the stock or, when too few are left, goes to the waitlist — one transaction,
     * also when claims arrive at once. A customer outside the audience needs {@code confirmOutside}
     * ({@link CampaignException.OutsideAudience} otherwise) and is recorded as such.
     *
     * @param at when the claim came in (null: now); it must fall inside the claim window
     */
    public ClaimResult claim(long campaignId, long customerId, String channel, OffsetDateTime at, int units,
                             boolean confirmOutside) {
        OffsetDateTime when = at == null ? now() : at;
        String ch = channel == null || channel.isBlank() ? "other" : channel.strip().toLowerCase(Locale.ROOT);
        return retrying(() -> tx(c -> {
            CampaignRepository repo = new CampaignRepository(c);
            long seq = repo.lockAndNextSeq(campaignId);
            if (seq < 0) {
                throw new CampaignException("campaign.error.unknown", "no campaign #" + campaignId, "#" + campaignId);
            }
            Campaign campaign = repo.campaign(campaignId);
            if (!campaign.status().takesClaims()) {
                throw new CampaignException("campaign.error.notClaiming", campaign.name() + " takes no claims while "
                        + campaign.status().code(), campaign.name(), campaign.status().code());
            }
            if (when.isBefore(campaign.opens()) || !when.isBefore(campaign.closes())) {
                throw new CampaignException("campaign.error.outsideWindow", "the claim falls outside the claim window",
                        campaign.name());
            }
            if (units < 1 || units > campaign.perCustomer()) {
                throw new CampaignException("campaign.error.units", "a customer may claim 1 to " + campaign.perCustomer(),
                        campaign.perCustomer());
            }
            if (!repo.liveCustomer(customerId)) {
                throw new CampaignException("campaign.error.noCustomer", "no customer " + customerId, customerId);
            }
            CampaignEntry entry = repo.entry(campaignId, customerId);
            if (entry != null && entry.state().claimIn()) {
                throw new CampaignException("campaign.error.alreadyClaimed", "customer " + customerId + " has claimed already",
                        customerId, entry.state().code());
            }
            boolean outside = entry == null || entry.outsideAudience();
            if (entry == null && !confirmOutside) {
                throw new CampaignException.OutsideAudience(campaign.name(), customerId);
            }
            long entryId = entry == null ? repo.insertOutside(campaignId, customerId, when) : entry.id();
            EntryState state = repo.takeStock(campaignId, units) ? EntryState.CLAIMED : EntryState.WAITLISTED;
            Address address = entry != null && entry.address().detail() != null ? entry.address()
                    : repo.latestOrderAddress(customerId);
            repo.recordClaim(entryId, state, units, ch, when, seq, repo.tier(customerId), address);
            if (campaign.status() == CampaignStatus.ANNOUNCED) {
                repo.setStatus(campaignId, CampaignStatus.CLAIMING, now());
            }
            return new ClaimResult(entryId, state, repo.stockLeft(campaignId), outside);
        }));
    }

    /**
     * Cancels a claim (not yet shipped) or a place on the waitlist. Freed units go to the waitlist in priority order;
     * each promoted customer gets a follow-up to be told.
     *
     * @return the customers promoted from the waitlist
     */
    public List<Long> cancel(long campaignId, long customerId) {
        Campaign before = find(campaignId);
        OffsetDateTime now = now();
        List<Long> promoted = retrying(() -> tx(c -> {
            CampaignRepository repo = new CampaignRepository(c);
            repo.lockAndNextSeq(campaignId);
            CampaignEntry e = repo.entry(campaignId, customerId);
            if (e == null || !(e.state().toShip() || e.state() == EntryState.WAITLISTED)) {
                throw new CampaignException("campaign.error.notCancellable", "customer " + customerId
                        + " has no claim to cancel", customerId);
            }
            repo.setState(e.id(), EntryState.CANCELLED, now);
            List<Long> up = new ArrayList<>();
            if (e.state().holdsStock()) {
                repo.returnStock(campaignId, e.units());
                CampaignStock.promote(repo, campaignId).forEach(w -> up.add(w.customerId()));
            }
            return up;
        }));
        if (!promoted.isEmpty()) {
            followUps.schedule(promoted, NewFollowUp.on(messages().get("campaign.followup.promoted", before.name()), today()));
        }
        return promoted;
    }

    /** Time: claim order. Tier: iron fans, VIP, regular, the rest — each in claim order. */
    static Comparator<CampaignEntry> waitlistOrder(ClaimPriority priority) {
        Comparator<CampaignEntry> bySeq = Comparator.comparing(e -> e.claimSeq() == null ? Long.MAX_VALUE : e.claimSeq());
        return priority == ClaimPriority.TIER
                ? Comparator.<CampaignEntry>comparingInt(e -> ClaimPriority.tierRank(e.tier())).thenComparing(bySeq)
                : bySeq;
    }

    /** Names, tiers and entry states of customers found by a search, in the order given (the quick claim's choices). */
    public List<ClaimCandidate> candidates(long campaignId, List<Long> customerIds) {
        return customerIds.isEmpty() ? List.of() : tx(c -> new CampaignRepository(c).candidates(campaignId, customerIds));
    }

    /** Every campaign's report, newest first (campaigns side by side). */
    public List<CampaignReport> compare(int days) {
        return list().stream().map(c -> report(c.id(), days)).toList();
    }

    // --- per-entry actions

    /** Edits the entry's address (the customer is not changed) and marks it confirmed when it was only claimed. */
    public void confirmAddress(long campaignId, long customerId, Address address) {
        change(campaignId, customerId, (repo, e) -> {
            if (!e.state().toShip()) {
                throw refused(e, EntryState.ADDRESS_CONFIRMED);
            }
            repo.setAddress(e.id(), address);
            repo.setState(e.id(), EntryState.ADDRESS_CONFIRMED, now());
        });
    }

    /** Marks a claimed entry shipped, and schedules "tell them it shipped" today and "did it arrive?" a few days on. */
    public void ship(long campaignId, long customerId, String carrier, String trackingNo) {
        Campaign campaign = find(campaignId);
        String no = trackingNo == null ? "" : trackingNo.strip();
        if (no.isEmpty() || no.length() > 100) {
            throw new CampaignException("campaign.error.tracking", "a tracking number is needed");
        }
        String car = carrier == null || carrier.isBlank() ? null : carrier.strip();
        change(campaignId, customerId, (repo, e) -> {
            if (!e.state().toShip()) {
                throw refused(e, EntryState.SHIPPED);
            }
            repo.ship(e.id(), car, no, now());
            if (campaign.status() == CampaignStatus.CLAIMING || campaign.status() == CampaignStatus.ANNOUNCED) {
                repo.setStatus(campaignId, CampaignStatus.SHIPPING, now());
            }
        });
        shippedFollowUps(campaign, customerId, car, no);
    }

    void shippedFollowUps(Campaign campaign, long customerId, String carrier, String trackingNo) {
        Messages m = messages();
        followUps.schedule(customerId, new NewFollowUp(m.get("campaign.followup.shipped", campaign.name(),
                carrier == null ? "" : carrier, trackingNo), FollowUpReason.SEND_TRACKING, today(), null, null, null, null));
        followUps.schedule(customerId, new NewFollowUp(m.get("campaign.followup.arrived", campaign.name()),
                FollowUpReason.DELIVERY_CHECK, today().plusDays(DELIVERY_CHECK_DAYS), null, null, null, null));
    }

    public void markDelivered(long campaignId, long customerId) {
        step(campaignId, customerId, EntryState.SHIPPED, EntryState.DELIVERED);
    }

    public void markThanked(long campaignId, long customerId) {
        step(campaignId, customerId, EntryState.DELIVERED, EntryState.THANKED);
    }

    /** An invited customer said no thanks. */
    public void decline(long campaignId, long customerId) {
        step(campaignId, customerId, EntryState.INVITED, EntryState.DECLINED);
    }

    private void step(long campaignId, long customerId, EntryState from, EntryState to) {
        change(campaignId, customerId, (repo, e) -> {
            if (e.state() != from) {
                throw refused(e, to);
            }
            repo.setState(e.id(), to, now());
        });
    }

    private static CampaignException refused(CampaignEntry e, EntryState to) {
        return new CampaignException("campaign.error.state", "entry of customer " + e.customerId() + " is " + e.state().code()
                + ", cannot become " + to.code(), e.customerId(), e.state().code(), to.code());
    }

    private interface EntryChange {
        void apply(CampaignRepository repo, CampaignEntry e) throws SQLException;
    }

    private void change(long campaignId, long customerId, EntryChange work) {
        tx(c -> {
            CampaignRepository repo = new CampaignRepository(c);
            CampaignEntry e = repo.entry(campaignId, customerId);
            if (e == null) {
                throw new CampaignException("campaign.error.noEntry", "customer " + customerId + " is not in the campaign",
                        customerId);
            }
            work.apply(repo, e);
            return null;
        });
    }

    // --- shipping, tracking, results

    /** Writes the shipping list of the entries still to ship. @return rows written */
    public int shippingList(long campaignId, java.nio.file.Path out, ShippingLayout layout, boolean maskPhones)
            throws java.io.IOException {
        Campaign campaign = find(campaignId);
        List<CampaignEntry> rows = tx(c -> new CampaignRepository(c).inState(campaignId,
                List.of(EntryState.CLAIMED, EntryState.ADDRESS_CONFIRMED)));
        return ShippingListWriter.write(out, layout, campaign, rows, maskPhones, messages());
    }

    /** The same in a built-in layout (generic, sf, ky) or a saved one, by name. */
    public int shippingList(long campaignId, java.nio.file.Path out, String layoutName, boolean maskPhones) throws java.io.IOException {
        Campaign campaign = find(campaignId);
        ShippingColumns layout = ShippingLayout.isBuiltIn(layoutName) ? ShippingLayout.of(layoutName) : layout(layoutName);
        List<CampaignEntry> rows = tx(c -> new CampaignRepository(c).inState(campaignId,
                List.of(EntryState.CLAIMED, EntryState.ADDRESS_CONFIRMED)));
        return ShippingListWriter.write(out, layout, campaign, rows, maskPhones, messages());
    }

    // --- the owner's shipping layouts (ADR 0026)

    /** Saves (or replaces) a layout written as {@code 收件人=name,手机=phone,…}; refused with the reason when wrong. */
    public CustomLayout saveLayout(String name, String columns) {
        CustomLayout layout = CustomLayout.parse(name, columns);
        OffsetDateTime now = now();
        tx(c -> {
            new LayoutRepository(c).save(layout, now);
            return null;
        });
        return layout;
    }

    public List<CustomLayout> layouts() {
        return tx(c -> new LayoutRepository(c).list());
    }

    /** The saved layout of that name; refused when there is none. */
    public CustomLayout layout(String name) {
        String n = name == null ? "" : name.strip();
        return layouts().stream().filter(l -> l.name().equals(n)).findFirst()
                .orElseThrow(() -> new CampaignException("campaign.error.layout", "no layout " + n
                        + ": generic, sf, ky or a saved layout's name", n));
    }

    public void deleteLayout(String name) {
        layout(name);
        tx(c -> new LayoutRepository(c).delete(name.strip()));
    }

    /**
     * Reads the courier's file back: each row matched to an entry to ship (by receiver phone, else name + address)
     * becomes shipped with its tracking number; the rest are listed. Follow-ups as for {@link #ship}.
     */
    public TrackingImportResult importTracking(long campaignId, java.nio.file.Path file, String carrier) throws java.io.IOException {
        Campaign campaign = find(campaignId);
        List<CampaignEntry> open = tx(c -> new CampaignRepository(c).inState(campaignId,
                List.of(EntryState.CLAIMED, EntryState.ADDRESS_CONFIRMED)));
        TrackingMatcher.Matched matched = TrackingMatcher.match(file, open);
        OffsetDateTime now = now();
        String car = carrier == null || carrier.isBlank() ? null : carrier.strip();
        tx(c -> {
            CampaignRepository repo = new CampaignRepository(c);
            for (TrackingMatcher.Hit h : matched.hits()) {
                repo.ship(h.entry().id(), h.carrier() != null ? h.carrier() : car, h.trackingNo(), now);
            }
            if (!matched.hits().isEmpty() && (campaign.status() == CampaignStatus.CLAIMING
                    || campaign.status() == CampaignStatus.ANNOUNCED)) {
                repo.setStatus(campaignId, CampaignStatus.SHIPPING, now);
            }
            return null;
        });
        for (TrackingMatcher.Hit h : matched.hits()) {
            shippedFollowUps(campaign, h.entry().customerId(), h.carrier() != null ? h.carrier() : car, h.trackingNo());
        }
        return new TrackingImportResult(matched.hits().size(), matched.unmatched());
    }

    /** Results of one campaign, with orders and net spend in the {@code days} after its claim window closed. */
    public CampaignReport report(long campaignId, int days) {
        Campaign campaign = find(campaignId);
        return tx(c -> new ReportRepository(c).report(campaign, days));
    }

    // --- plumbing

    private Messages messages() {
        return Messages.of(settings.language().locale(Locale.getDefault()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Lock waits can time out when many claims queue on one campaign: the whole transaction is tried again. */
    private static <T> T retrying(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= RETRIES || !lockConflict(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(5L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean lockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && List.of("HYT00", "40001", "40P01", "55P03").contains(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T tx(Work<T> work) {
        return database.transactionResult(dsl -> dsl.connectionResult(work::run));
    }

    /** Customers in the order given, without repeats. */
    static List<Long> distinct(List<Long> ids) {
        return List.copyOf(new LinkedHashSet<>(ids));
    }
}
