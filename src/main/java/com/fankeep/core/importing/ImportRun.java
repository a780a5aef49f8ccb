package com.fankeep.core.importing;

import com.fankeep.core.importing.ImportRepository.BatchCounts;
import com.fankeep.core.importing.ImportRepository.StoredOrder;
import com.fankeep.core.importing.format.ExportFormat;
import com.fankeep.core.importing.format.FormatContext;
import com.fankeep.core.importing.format.FormatReader;
import com.fankeep.core.importing.format.FormatRegistry;
import com.fankeep.core.importing.identity.CustomerRef;
import com.fankeep.core.importing.identity.IdentityIndex;
import com.fankeep.core.importing.identity.IdentityKey;
import com.fankeep.core.importing.identity.Resolution;
import com.fankeep.core.importing.mapping.MappedSheetFormat;
import com.fankeep.core.importing.model.ImportItem;
import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.importing.model.ImportedContact;
import com.fankeep.core.importing.model.ImportedLine;
import com.fankeep.core.importing.model.ImportedLines;
import com.fankeep.core.importing.model.ImportedOrder;
import com.fankeep.core.importing.model.OrderStatus;
import com.fankeep.core.importing.read.SheetRow;
import com.fankeep.core.importing.read.TableReader;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One import, inside one transaction on one connection: every file's rows are read, matched to customers and
 * written in chunks; nothing is visible to anyone else until the session commits (ADR 0006).
 */
final class ImportRun {

    static final int CHUNK = 1000;
    /** shop_order.external_order_id holds 100 characters; real order numbers are far shorter. */
    static final int MAX_ORDER_ID = 100;

    private final ImportRepository repo;
    private final IdentityIndex index = new IdentityIndex();
    private final StoredKeys storedKeys;
    private final Progress progress;
    private final Cancellation cancellation;
    /** Customers that were there before the run and got an order from it, or any customer with a changed stored order. */
    private final Set<Long> touchedCustomers = new HashSet<>();
    /** Customers with a stored order this run changed: their figures are recomputed from their orders at the end. */
    private final Set<Long> changedOrderCustomers = new HashSet<>();
    /** Customers from before the run with revenue orders it added: those orders are added to their figures at the end. */
    private final Map<Long, CustomerRef> freshRevenue = new HashMap<>();
    /** Per file (batch): the customers from before the run it gave an order or a channel ("matched to existing"). */
    private final Map<Long, Set<Long>> metByBatch = new HashMap<>();
    /** Existing customers this run gave a channel: their list sort keys are recomputed at the end. */
    private final Set<Long> channelCustomers = new HashSet<>();
    /** Customers this run created: their figures are summed while their orders are written, not read back. */
    private final List<CustomerRef> createdCustomers = new ArrayList<>();
    /** Whether an order with no customer was written or changed (the dashboard's anonymous bucket changed). */
    private boolean ordersWithoutCustomer;
    /** New order ids per customer (normal path; null past {@link #ADDITIONS_KEPT} orders): listeners add them (ADR 0049). */
    private Map<Long, List<Long>> addedOrders = new HashMap<>();
    private int addedOrderCount;
    /** Past this many new orders the run keeps no ids (heap): listeners recount the written customers instead. */
    static final int ADDITIONS_KEPT = 200_000;
    private final List<ImportProblem> firstProblems = new ArrayList<>();
    private long problemTotal;
    private boolean commitChunks;
    // bulk path: new customers get their ids here and are written once, with their figures, by finish (ADR 0052)
    private long nextCustomerId = -1;
    private final List<NewCustomer> pendingCustomers = new ArrayList<>();
    private final List<Long> pendingBatches = new ArrayList<>();
    private final Map<String, String> places = new HashMap<>();
    // bulk path: the chunk's channels, lines, matches and problems, written by a second writer (ADR 0054)
    private BulkWriter writer;
    private final List<BulkWriter.Job> besideJobs = new ArrayList<>();
    // bulk path into a copy without orders: the orders written so far; no other order can be stored (ADR 0062)
    private RunOrderKeys runOrders;

    // per file
    private long batchId;
    private String fileName;
    private BatchCounts counts;
    private final Set<CustomerRef> matchedInBatch = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<ImportItem> chunk = new ArrayList<>(CHUNK);
    private final Set<String> chunkOrderKeys = new HashSet<>();
    // the channels of the chunk's orders and contacts, worked out by the reading thread (RowFeed)
    private final Map<ImportItem, Channels> chunkChannels = new IdentityHashMap<>();
    private final List<ImportProblem> chunkProblems = new ArrayList<>();
    // name + channel of the key-less contacts this run has seen (see isNewWithoutKey)
    private final Set<String> weakKeysInRun = new HashSet<>();
    // the batches of this run: an order one of them stored is new in this import, never "updated" by a later file
    private final Set<Long> runBatches = new HashSet<>();

    /**
     * @param keys how the stored identity keys are read (ADR 0050)
     * @param estimatedOrders the files' orders, estimated from their sizes (BulkPolicy), for that rule
     */
    ImportRun(Connection connection, Progress progress, Cancellation cancellation, StoredKeys.Reading keys,
              long estimatedOrders) throws SQLException {
        this.repo = new ImportRepository(connection);
        this.progress = progress;
        this.cancellation = cancellation;
        this.storedKeys = StoredKeys.of(repo, index, keys, estimatedOrders);
    }

    /** Whether the run read every stored identity key (rather than looking up the files' own). */
    boolean readAllKeys() {
        return storedKeys.readWhole();
    }

    /**
     * The bulk path (ADR 0023): commit after each chunk. Its copy is private and all-or-nothing comes from the swap;
     * one big commit would make H2 revisit every entry the load wrote (ADR 0010; 20% of a bulk import's CPU in JFR).
     */
    void commitEachChunk() throws SQLException {
        commitChunks = true;
        addedOrders = null; // the bulk path recounts on its copy
        if (repo.storedOrderCount() == 0) {
            runOrders = new RunOrderKeys();
        }
    }

    /**
     * The bulk path, where references are not checked while loading (ADR 0041): a new customer is numbered when it is
     * met and its row written once by {@link #finish}, with its figures and sort keys, instead of inserted at once and
     * updated at the end (ADR 0052). Numbered as the table would have numbered them, so both paths store the same.
     */
    void writeNewCustomersAtEnd() throws SQLException {
        nextCustomerId = repo.nextCustomerId();
    }

    /**
     * The bulk path: the rows nothing reads back during the load (channels, lines, matches, problems) are written by
     * {@code writer} on its own connection, beside this thread (ADR 0054). Reads of those tables wait for it.
     */
    void writeBeside(BulkWriter writer) {
        this.writer = writer;
    }

    /** Writes now, or hands the writes to the second writer with the rest of the chunk. */
    private void beside(BulkWriter.Job job) throws SQLException {
        if (writer == null) {
            job.write(repo);
        } else {
            besideJobs.add(job);
        }
    }

    /** Before reading a table the second writer writes: everything handed to it is written and committed. */
    private void writtenBeside() throws SQLException {
        if (writer != null) {
            writer.hand(besideJobs);
            besideJobs.clear();
            writer.drain();
        }
    }

    /** A file whose format is known, with its header already read. */
    record PlannedFile(java.nio.file.Path path, TableReader reader, FormatRegistry.Match match, String sha256, long size,
                       List<SheetRow> bufferedRows) {
    }

    FileSummary importFile(PlannedFile file, FormatContext context) throws SQLException {
        ExportFormat format = file.match().format();
        fileName = file.path().getFileName().toString();
        counts = new BatchCounts();
        matchedInBatch.clear();
        Long mappingId = format instanceof MappedSheetFormat m ? m.profile().id() : null;
        batchId = repo.createBatch(fileName, file.path().toAbsolutePath().toString(), file.size(), file.sha256(), format.id(),
                file.reader().description(), mappingId);
        runBatches.add(batchId);
        metByBatch.put(batchId, new HashSet<>());
        FormatReader reader = format.reader(file.match().header(), context);
        long headerRow = file.match().header().rowNumber();
        try (RowFeed feed = RowFeed.start(file.bufferedRows(), headerRow, file.reader(), reader)) {
            for (RowFeed.Block block = feed.next(); ; block = feed.next()) {
                for (Object entry : block.entries()) {
                    switch (entry) {
                        case RowFeed.Parsed parsed -> add(parsed.item(), parsed.channels());
                        case ImportProblem problem -> addProblem(problem);
                        case RowFeed.Unreadable u -> addProblem(new ImportProblem(fileName, u.rowsBefore() + headerRow + 1,
                                null, null, "unreadable_row", "the file stops being readable here: " + u.message(), false));
                        default -> throw new IllegalStateException("unexpected " + entry);
                    }
                }
                if (block.failure() instanceof RuntimeException e) {
                    throw e;
                } else if (block.failure() instanceof Error e) {
                    throw e;
                }
                long before = counts.rows;
                counts.rows = block.rows();
                if (block.last()) {
                    break;
                }
                if (before / 1000 != counts.rows / 1000) {
                    cancellation.check();
                    double f = block.fractionRead();
                    progress.update(f < 0 ? counts.rows : Math.round(f * 1000), f < 0 ? -1 : 1000, fileName + ": " + counts.rows);
                }
            }
            flushChunk();
        } catch (UncheckedSql e) {
            throw e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new com.fankeep.core.shared.CancelledException();
        }
        repo.finishBatch(batchId, counts);
        return new FileSummary(fileName, format.id(), file.reader().description(), counts.rows, counts.newOrders,
                counts.updatedOrders, counts.unchangedOrders, counts.lines, counts.contacts, counts.newCustomers,
                counts.matchedCustomers, counts.channels, counts.problems, null, batchId, counts.notes, 0, counts.amendedInRun);
    }

    /**
     * Writes the derived figures and list sort keys of every customer the run touched, each customer row once; call
     * once, after the last file. Created customers get the figures the run summed; customers with a changed stored
     * order are recounted from their orders; customers from before the run that only got new orders have those
     * added to what they had (their earlier orders are not read again).
     */
    void finish() throws SQLException {
        writtenBeside();
        progress.update(-1, -1, "figures of " + (createdCustomers.size() + touchedCustomers.size()) + " customers");
        List<CustomerRef> summed = new ArrayList<>();
        for (CustomerRef ref : createdCustomers) {
            if (ref.revenueOrders() > 0 && !changedOrderCustomers.contains(ref.id())) {
                summed.add(ref);
            }
        }
        // bulk path: the customers not inserted yet, with figures and sort keys (those with a changed order: recounted below)
        Set<Long> writtenOnce = new HashSet<>();
        pendingCustomers.forEach(n -> {
            if (!changedOrderCustomers.contains(n.ref().id())) {
                writtenOnce.add(n.ref().id());
            }
        });
        insertPendingCustomers(writtenOnce);
        if (nextCustomerId >= 0) {
            repo.restartCustomerIds(nextCustomerId); // DDL, so it commits: only on the bulk path's private copy
        }
        summed.removeIf(ref -> writtenOnce.contains(ref.id()));
        repo.writeDerived(summed); // with their sort keys: the import knows them all
        repo.recomputeDerived(changedOrderCustomers, true);
        List<CustomerRef> added = new ArrayList<>();
        freshRevenue.forEach((id, ref) -> {
            if (!changedOrderCustomers.contains(id)) {
                added.add(ref);
            }
        });
        added.sort(java.util.Comparator.comparing(CustomerRef::id)); // rows in key order: fewer B-tree pages between them
        repo.addFreshFigures(added);
        // the rest: new channels of customers from before the run, created customers without a revenue order
        Set<Long> sortKeys = new HashSet<>(channelCustomers);
        createdCustomers.forEach(ref -> sortKeys.add(ref.id()));
        summed.forEach(ref -> sortKeys.remove(ref.id()));
        sortKeys.removeAll(changedOrderCustomers);
        added.forEach(ref -> sortKeys.remove(ref.id()));
        sortKeys.removeAll(writtenOnce);
        com.fankeep.core.db.CustomerSortKeys.refresh(repo.connection(), sortKeys);
    }

    /** Writes the customers numbered but not inserted yet; those in {@code withFigures} with their figures and keys. */
    private void insertPendingCustomers(Set<Long> withFigures) throws SQLException {
        if (pendingCustomers.isEmpty()) {
            return;
        }
        repo.insertCustomersWithIds(pendingCustomers, pendingBatches, withFigures, commitChunks);
        pendingCustomers.clear();
        pendingBatches.clear();
    }

    /** One string per province or city name for the customers held until the end (300,000 of them at 1M rows). */
    private String place(String name) {
        return name == null ? null : places.computeIfAbsent(name, k -> k);
    }

    /** Per file's batch id, the customers from before the run it gave an order or a channel. */
    Map<Long, Set<Long>> metByBatch() {
        return metByBatch;
    }

    /** Customers whose orders this run wrote or changed: their figures (and what follows from them) may differ now. */
    /** What this run changed in the shop's counters (ShopCounters), added when the session commits. */
    com.fankeep.core.db.ShopCounters.Delta counters() {
        return repo.counters;
    }

    /** Customers that were there before the run and got a new order, a changed order or a new channel from it. */
    Set<Long> existingCustomersWritten() {
        Set<Long> ids = new HashSet<>(touchedCustomers);
        ids.addAll(channelCustomers);
        return ids;
    }

    /** Every customer this run created, gave a channel or wrote an order for: what the after-import check looks at. */
    Set<Long> customersWritten() {
        Set<Long> ids = existingCustomersWritten();
        createdCustomers.forEach(ref -> ids.add(ref.id()));
        return ids;
    }

    private void keepAdded(long customerId, long orderId) {
        if (addedOrders != null && ++addedOrderCount > ADDITIONS_KEPT) {
            addedOrders = null;
        }
        if (addedOrders != null) {
            addedOrders.computeIfAbsent(customerId, k -> new ArrayList<>(2)).add(orderId);
        }
    }

    /** The orders this run added per customer and the customers whose stored orders it changed; null: not kept. */
    ImportListener.Additions additions() {
        return addedOrders == null ? null : new ImportListener.Additions(addedOrders, changedOrderCustomers);
    }

    /** Whether this run wrote or changed an order that has no customer. */
    boolean ordersWithoutCustomer() {
        return ordersWithoutCustomer;
    }

    Set<Long> orderCustomers() {
        Set<Long> ids = new HashSet<>(touchedCustomers);
        createdCustomers.stream().filter(ref -> ref.revenueOrders() > 0).forEach(ref -> ids.add(ref.id()));
        return ids;
    }

    List<ImportProblem> firstProblems() {
        return firstProblems;
    }

    long problemTotal() {
        return problemTotal;
    }

    private void addProblem(ImportProblem p) {
        counts.problems++;
        if (p.isNote()) {
            counts.notes++;
        }
        problemTotal++;
        if (firstProblems.size() < ImportSummary.MAX_LISTED) {
            firstProblems.add(p);
        }
        chunkProblems.add(p);
    }

    private void add(ImportItem item, Channels channels) {
        if (item instanceof ImportedOrder o && o.externalOrderId().length() > MAX_ORDER_ID) {
            // found by FuzzRunTest: a broken quote ran several cells into one "order number"
            addProblem(new ImportProblem(fileName, o.source().row(), null, ImportRepository.truncate(o.externalOrderId(), 100),
                    "bad_order_id", "an order number of " + o.externalOrderId().length() + " characters is not a real one: "
                    + "the order was not imported", false));
            return;
        }
        if (item instanceof ImportedOrder o && !chunkOrderKeys.add(o.platform() + "\u0000" + o.externalOrderId())) {
            // The same order twice in one chunk: write the first before reading the second as an update of it.
            flushChunk();
            chunkOrderKeys.add(o.platform() + "\u0000" + o.externalOrderId());
        }
        chunk.add(item);
        if (channels != null) {
            chunkChannels.put(item, channels);
        }
        if (chunk.size() >= CHUNK) {
            flushChunk();
        }
    }

    private void flushChunk() {
        try {
            writeChunk();
            List<ImportProblem> problems = List.copyOf(chunkProblems);
            long batch = batchId;
            beside(r -> r.insertProblems(problems, batch));
            if (writer != null) {
                writer.hand(besideJobs);
                besideJobs.clear();
            }
            if (commitChunks) {
                repo.connection().commit();
            }
        } catch (SQLException e) {
            throw new UncheckedSql(e);
        }
        chunk.clear();
        chunkChannels.clear();
        chunkOrderKeys.clear();
        chunkProblems.clear();
    }

    private void writeChunk() throws SQLException {
        if (chunk.isEmpty()) {
            return;
        }
        Map<CustomerRef, NewCustomer> newCustomers = new LinkedHashMap<>();
        List<NewChannel> channels = new ArrayList<>();
        List<NewMatch> matches = new ArrayList<>();
        List<Resolution.Conflict> conflicts = new ArrayList<>();
        List<CustomerRef> conflictOwners = new ArrayList<>();
        List<ImportedOrder> orders = new ArrayList<>();
        List<CustomerRef> orderCustomers = new ArrayList<>();
        List<ImportedLines> lineItems = new ArrayList<>();
        Map<ImportedOrder, Channels> orderChannels = new IdentityHashMap<>();
        List<CustomerRef> referredContacts = new ArrayList<>();
        List<String> contactReferrers = new ArrayList<>();
        Map<ImportedContact, Channels> contactChannels = new IdentityHashMap<>();
        List<IdentityKey> chunkKeys = new ArrayList<>();
        for (ImportItem item : chunk) {
            // the reading thread (RowFeed) worked the channels out already
            Channels pre = chunkChannels.get(item);
            Channels ch = item instanceof ImportedOrder o
                    ? orderChannels.computeIfAbsent(o, x -> pre != null ? pre : Channels.of(x.platform(), x.buyer()))
                    : item instanceof ImportedContact c ? contactChannels.computeIfAbsent(c, x -> pre != null ? pre : Channels.of(x))
                    : null;
            if (ch != null) {
                chunkKeys.addAll(ch.keys());
            }
        }
        storedKeys.prepare(chunkKeys); // before any buyer of the chunk is matched (ADR 0050)
        Set<String> storedKeyless = storedOrdersWithoutKeys(orderChannels);

        for (ImportItem item : chunk) {
            switch (item) {
                case ImportedOrder o -> {
                    Channels ch = orderChannels.get(o);
                    String name = o.buyer().name() != null ? o.buyer().name() : o.receiver().name();
                    CustomerRef ref = null;
                    if (ch.keys().isEmpty() && storedKeyless.contains(o.platform() + "\u0000" + o.externalOrderId())) {
                        // nothing identifies this buyer but the stored order: it keeps its customer, and no new one
                        // is made for it on every re-import
                        ref = null;
                    } else if (ch.keys().isEmpty() && (name == null || name.contains("*"))) {
                        // Nobody to attach the order to (Douyin's encrypted receivers, desensitized exports): keep the
                        // order without a customer rather than invent a new customer for every such order.
                        addProblem(new ImportProblem(fileName, o.source().row(), null, o.externalOrderId(),
                                "buyer_unidentifiable", "order " + o.externalOrderId() + " names no buyer (no account, "
                                + "usable phone, e-mail or name): stored without a customer", true));
                    } else {
                        ref = resolve(ch, item, newCustomers, channels, matches, conflicts, conflictOwners, name,
                                o.receiver().province(), o.receiver().city(), null, null);
                    }
                    orders.add(o);
                    orderCustomers.add(ref);
                }
                case ImportedContact c -> {
                    Channels ch = contactChannels.get(c);
                    if (ch.keys().isEmpty() && !isNewWithoutKey(c, ch)) {
                        continue;
                    }
                    CustomerRef ref = resolve(ch, item, newCustomers, channels, matches, conflicts, conflictOwners, c.name(),
                            c.address().province(), c.address().city(), c.birthday(), c.note());
                    if (c.referrer() != null) {
                        referredContacts.add(ref);
                        contactReferrers.add(c.referrer());
                    }
                    counts.contacts++;
                }
                case ImportedLines l -> lineItems.add(l);
            }
        }

        List<NewCustomer> created = new ArrayList<>(newCustomers.values());
        if (nextCustomerId < 0) {
            long[] ids = repo.insertCustomers(created, batchId);
            for (int i = 0; i < ids.length; i++) {
                created.get(i).ref().assign(ids[i]);
                createdCustomers.add(created.get(i).ref());
            }
        } else {
            repo.counters.customers(created.size());
            for (NewCustomer n : created) {
                n.ref().assign(nextCustomerId++);
                createdCustomers.add(n.ref());
                pendingCustomers.add(new NewCustomer(n.ref(), n.name(), place(n.province()), place(n.city()),
                        n.birthdayYear(), n.birthdayMonth(), n.birthdayDay(), n.note()));
                pendingBatches.add(batchId);
            }
        }
        counts.newCustomers += created.size();
        long batch = batchId;
        beside(r -> r.insertChannels(channels, batch));
        counts.channels += channels.size();
        for (NewChannel nc : channels) {
            if (nc.customer().isCreated()) {
                nc.customer().addStoredChannel(nc.kind(), ImportRepository.truncate(nc.raw(), ImportRepository.MAX_TEXT));
            } else {
                channelCustomers.add(nc.customer().id()); // an existing customer's nickname or channel count changed
                metByBatch.get(batchId).add(nc.customer().id());
            }
        }
        writeOrders(orders, orderCustomers);
        writeContactReferrers(referredContacts, contactReferrers);
        writeLines(lineItems);
        String file = fileName;
        beside(r -> r.insertMatches(matches, batch, file));
        for (int i = 0; i < conflicts.size(); i++) {
            Resolution.Conflict c = conflicts.get(i);
            Long a = conflictOwners.get(i).id();
            Long b = c.other().id();
            if (a != null && b != null && !a.equals(b)) {
                String reason = c.key().kind() == IdentityKey.Kind.EMAIL ? "same_email" : "same_phone";
                repo.suggest(a, b, reason, c.key().kind().matchedBy() + " " + c.key().value(), batchId);
            }
        }
    }

    /** The orders of this chunk whose buyer brings no identity key and that are already stored, as platform + id. */
    private Set<String> storedOrdersWithoutKeys(Map<ImportedOrder, Channels> orderChannels) throws SQLException {
        Map<String, List<String>> byPlatform = new HashMap<>();
        orderChannels.forEach((o, ch) -> {
            if (ch.keys().isEmpty()) {
                byPlatform.computeIfAbsent(o.platform(), k -> new ArrayList<>()).add(o.externalOrderId());
            }
        });
        Set<String> stored = new HashSet<>();
        for (Map.Entry<String, List<String>> e : byPlatform.entrySet()) {
            for (String id : findOrders(e.getKey(), e.getValue()).keySet()) {
                stored.add(e.getKey() + "\u0000" + id);
            }
        }
        return stored;
    }

    /**
     * A contact no key identifies (no real mobile, WeChat, QQ, e-mail or nickname) is only imported when it has a
     * name and something else to recognise it by next time: a customer of the same name with the same address or
     * (masked, landline) phone is taken to be this contact, so importing the list again adds nobody. A contact with
     * nothing to recognise it by is skipped with a problem naming its row.
     *
     * @return true when the contact should become a new customer
     */
    private boolean isNewWithoutKey(ImportedContact c, Channels ch) throws SQLException {
        String name = c.name() == null ? null : c.name().strip();
        List<String[]> weak = new ArrayList<>();
        for (Channels.Candidate cand : ch.candidates()) {
            if (cand.kind().equals("phone") || cand.kind().equals("address")) {
                weak.add(new String[] {cand.kind(), cand.normalized()});
            }
        }
        if (name == null || name.isEmpty() || weak.isEmpty()) {
            addProblem(new ImportProblem(fileName, c.source().row(), null, name, "no_contact_details",
                    "nothing to recognise this person by (no usable mobile, WeChat, QQ, e-mail, nickname, or a name with an "
                            + "address): not imported", false));
            return false;
        }
        boolean known = false;
        for (String[] w : weak) {
            if (!weakKeysInRun.add(name + "\u0000" + w[0] + "\u0000" + w[1])) {
                known = true;
            } else {
                writtenBeside(); // the look-up reads channels
                insertPendingCustomers(Set.of()); // and customer rows
                known |= repo.hasCustomerWith(name, w[0], w[1]);
            }
        }
        if (known) {
            counts.contacts++;
        }
        return !known;
    }

    private CustomerRef resolve(Channels ch, ImportItem item, Map<CustomerRef, NewCustomer> newCustomers,
                                List<NewChannel> channels, List<NewMatch> matches, List<Resolution.Conflict> conflicts,
                                List<CustomerRef> conflictOwners, String name, String province, String city,
                                DateParser.Birthday birthday, String note) {
        Resolution r = index.resolve(ch.keys());
        CustomerRef ref = r.customer();
        if (ref.isCreated() && ref.id() == null && !newCustomers.containsKey(ref)) {
            newCustomers.put(ref, new NewCustomer(ref, name, province, city,
                    birthday == null ? null : birthday.year(), birthday == null ? null : birthday.month(),
                    birthday == null ? null : birthday.day(), note));
            channels.addAll(Channels.forNewCustomer(ref, ch));
            // no match row for a new customer: customer.created_batch_id already says where it came from
            matchedInBatch.add(ref);
        } else {
            channels.addAll(Channels.forAddedKeys(ref, ch, r.addedKeys()));
            if (!matchedInBatch.contains(ref)) {
                matchedInBatch.add(ref);
                if (r.matchedBy() != null) {
                    matches.add(new NewMatch(ref, r.matchedBy().kind().matchedBy(), r.matchedBy().value(), item.source().row()));
                    if (!ref.isCreated()) {
                        counts.matchedCustomers++;
                    }
                }
            }
        }
        for (Resolution.Conflict c : r.conflicts()) {
            conflicts.add(c);
            conflictOwners.add(ref);
        }
        return ref;
    }

    /** A contact list's referrer column (mapped, or Youzan's 分销员): claims linked after the commit, like the orders'. */
    private void writeContactReferrers(List<CustomerRef> refs, List<String> referrers) throws SQLException {
        List<Object[]> claims = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i).id() != null) {
                claims.add(new Object[] {refs.get(i).id(), referrers.get(i)});
            }
        }
        repo.insertReferralClaims(claims, batchId);
    }

    /** @param customers each order's customer, or null for an order no buyer could be identified for */
    private void writeOrders(List<ImportedOrder> orders, List<CustomerRef> customers) throws SQLException {
        Map<String, List<Integer>> byPlatform = new HashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            byPlatform.computeIfAbsent(orders.get(i).platform(), k -> new ArrayList<>()).add(i);
        }
        List<ImportedOrder> fresh = new ArrayList<>();
        List<Long> freshCustomers = new ArrayList<>();
        List<CustomerRef> freshRefs = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byPlatform.entrySet()) {
            List<String> ids = e.getValue().stream().map(i -> orders.get(i).externalOrderId()).toList();
            Map<String, StoredOrder> stored = findOrders(e.getKey(), ids);
            for (int i : e.getValue()) {
                StoredOrder s = stored.get(orders.get(i).externalOrderId());
                ImportedOrder o = s == null ? orders.get(i) : keepKnownRefund(s, orders.get(i));
                Long customerId = customers.get(i) == null ? null : customers.get(i).id();
                ordersWithoutCustomer |= s == null ? customerId == null : s.customerId() == null && changed(s, o);
                if (s == null) {
                    fresh.add(o);
                    freshCustomers.add(customerId);
                    freshRefs.add(customers.get(i));
                } else if (changed(s, o)) {
                    repo.updateOrder(s, o, batchId, OrderJson.beforeImage(s));
                    countUpdate(s);
                    if (s.customerId() != null) {
                        touchedCustomers.add(s.customerId());
                        changedOrderCustomers.add(s.customerId());
                    }
                } else if (!runBatches.contains(s.importBatchId())) {
                    counts.unchangedOrders++;
                }
            }
        }
        List<Object[]> claims = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            if (orders.get(i).referrer() != null && customers.get(i) != null) {
                claims.add(new Object[] {customers.get(i).id(), orders.get(i).referrer()});
            }
        }
        repo.insertReferralClaims(claims, batchId);
        long[] orderIds = repo.insertOrders(fresh, freshCustomers, batchId);
        if (runOrders != null) {
            fresh.forEach(o -> runOrders.add(o.platform(), o.externalOrderId()));
        }
        counts.newOrders += fresh.size();
        List<Long> lineOrders = new ArrayList<>();
        List<ImportedLine> lines = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            CustomerRef ref = freshRefs.get(i);
            ImportedOrder o = fresh.get(i);
            if (ref != null && !ref.isCreated()) {
                touchedCustomers.add(ref.id());
                metByBatch.get(batchId).add(ref.id());
            }
            if (ref != null) {
                keepAdded(ref.id(), orderIds[i]);
            }
            if (ref != null && o.status().isRevenue()) {
                java.math.BigDecimal paid = o.paidAmount() == null ? java.math.BigDecimal.ZERO : o.paidAmount();
                // an existing customer's ref sums only what this run adds (ImportRepository.addFreshFigures)
                (ref.isCreated() ? ref : freshRevenue.computeIfAbsent(ref.id(), CustomerRef::existing))
                        .addRevenueOrder(o.orderedAt() != null ? o.orderedAt() : o.paidAt(), o.currency(), paid.subtract(o.refundedAmount()));
            }
            for (ImportedLine l : fresh.get(i).lines()) {
                lineOrders.add(orderIds[i]);
                lines.add(l);
            }
        }
        long batch = batchId;
        beside(r -> r.insertLines(lineOrders, lines, batch));
        counts.lines += lines.size();
    }

    /** The stored orders among {@code ids}; on a copy that had none, only those this run wrote are looked up. */
    private Map<String, StoredOrder> findOrders(String platform, List<String> ids) throws SQLException {
        if (runOrders == null) {
            return repo.findOrders(platform, ids);
        }
        List<String> written = new ArrayList<>();
        for (String id : ids) {
            if (runOrders.mayContain(platform, id)) {
                written.add(id);
            }
        }
        return written.isEmpty() ? new HashMap<>() : repo.findOrders(platform, written);
    }

    /** Lines from a separate item file replace the order's lines when they differ. */
    private void writeLines(List<ImportedLines> items) throws SQLException {
        if (!items.isEmpty()) {
            writtenBeside(); // reads and replaces stored lines
        }
        Map<String, List<ImportedLines>> byPlatform = new HashMap<>();
        for (ImportedLines l : items) {
            byPlatform.computeIfAbsent(l.platform(), k -> new ArrayList<>()).add(l);
        }
        for (Map.Entry<String, List<ImportedLines>> e : byPlatform.entrySet()) {
            Map<String, StoredOrder> stored = repo.findOrders(e.getKey(),
                    e.getValue().stream().map(ImportedLines::externalOrderId).distinct().toList());
            for (ImportedLines l : e.getValue()) {
                StoredOrder s = stored.get(l.externalOrderId());
                if (s == null) {
                    addProblem(new ImportProblem(fileName, l.source().row(), null, l.externalOrderId(), "order_not_found",
                            "order " + l.externalOrderId() + " is not in FanKeep: import its order file too", false));
                    continue;
                }
                if (!sameLines(repo.lines(s.id()), l.lines())) {
                    repo.deleteLines(s.id());
                    repo.insertLines(java.util.Collections.nCopies(l.lines().size(), s.id()), l.lines(), batchId);
                    counts.lines += l.lines().size();
                }
                applyLineRefund(s, l);
            }
        }
    }

    /** A paid order some of whose items were refunded becomes partially refunded, net of those items. */
    private void applyLineRefund(StoredOrder s, ImportedLines l) throws SQLException {
        boolean stillPaid = s.status().equals("paid") || s.status().equals("shipped") || s.status().equals("completed")
                || s.status().equals("partially_refunded");
        if (!stillPaid || l.refundedAmount().signum() == 0 || sameAmount(s.refundedAmount(), l.refundedAmount())) {
            return;
        }
        repo.setPartialRefund(s, l.refundedAmount(), batchId, OrderJson.beforeImage(s));
        if (s.customerId() != null) {
            touchedCustomers.add(s.customerId());
            changedOrderCustomers.add(s.customerId());
        } else {
            ordersWithoutCustomer = true;
        }
        countUpdate(s);
    }

    /**
     * An order stored before this import and changed by it is "updated"; one an earlier file of this import stored
     * (an item file's refund on an order of the order file) is new, and counted once, as new.
     */
    private void countUpdate(StoredOrder s) {
        if (runBatches.contains(s.importBatchId())) {
            counts.amendedInRun++;
        } else {
            counts.updatedOrders++;
        }
    }

    private static boolean sameLines(List<ImportedLine> stored, List<ImportedLine> incoming) {
        if (stored.size() != incoming.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            ImportedLine a = stored.get(i);
            ImportedLine b = incoming.get(i);
            if (!Objects.equals(a.title(), b.title()) || !Objects.equals(a.sku(), b.sku()) || a.quantity() != b.quantity()
                    || !sameAmount(a.unitPrice(), b.unitPrice()) || !Objects.equals(a.variant(), b.variant())
                    || !Objects.equals(a.refundStatus(), b.refundStatus())) {
                return false;
            }
        }
        return true;
    }

    /**
     * An export that shows an order as simply paid/shipped/completed says nothing about refunds: a refund FanKeep
     * already knows (e.g. from the item file) stays.
     */
    static ImportedOrder keepKnownRefund(StoredOrder s, ImportedOrder o) {
        if (o.status() == OrderStatus.UNKNOWN) {
            // a status we cannot read (an unknown word, a damaged cell) never replaces one we know
            return withStatus(o, OrderStatus.valueOf(s.status().toUpperCase(java.util.Locale.ROOT)), s.platformStatus(),
                    s.refundedAmount() == null ? o.refundedAmount() : s.refundedAmount());
        }
        boolean storedRefund = s.status().equals("partially_refunded") && s.refundedAmount() != null && s.refundedAmount().signum() > 0;
        boolean incomingSilent = (o.status() == OrderStatus.PAID || o.status() == OrderStatus.SHIPPED
                || o.status() == OrderStatus.COMPLETED) && o.refundedAmount().signum() == 0;
        if (!storedRefund || !incomingSilent) {
            return o;
        }
        return withStatus(o, OrderStatus.PARTIALLY_REFUNDED, o.platformStatus(), s.refundedAmount());
    }

    private static ImportedOrder withStatus(ImportedOrder o, OrderStatus status, String platformStatus, java.math.BigDecimal refunded) {
        return new ImportedOrder(o.platform(), o.externalOrderId(), status, platformStatus, o.currency(), o.goodsAmount(),
                o.shippingAmount(), o.discountAmount(), o.totalAmount(), o.paidAmount(), refunded, o.orderedAt(), o.paidAt(),
                o.shippedAt(), o.completedAt(), o.cancelledAt(), o.buyer(), o.receiver(), o.trackingNo(), o.carrier(),
                o.buyerMessage(), o.sellerNote(), o.lines(), o.source(), o.referrer());
    }

    /** Newer data for a stored order: status, refunds, tracking number and the like. */
    static boolean changed(StoredOrder s, ImportedOrder o) {
        return !s.status().equals(o.status().code())
                || !Objects.equals(s.platformStatus(), ImportRepository.truncate(o.platformStatus(), 200))
                || o.paidAmount() != null && !sameAmount(s.paidAmount(), o.paidAmount())
                || !sameAmount(s.refundedAmount(), o.refundedAmount())
                || o.trackingNo() != null && !o.trackingNo().equals(s.trackingNo())
                || o.carrier() != null && !o.carrier().equals(s.carrier())
                || o.shippedAt() != null && !o.shippedAt().isEqual(orEpoch(s.shippedAt()))
                || o.completedAt() != null && !o.completedAt().isEqual(orEpoch(s.completedAt()))
                || o.sellerNote() != null && !o.sellerNote().equals(s.sellerNote());
    }

    private static java.time.OffsetDateTime orEpoch(java.time.OffsetDateTime t) {
        return t == null ? java.time.OffsetDateTime.MIN : t;
    }

    private static boolean sameAmount(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** Carries an SQLException through the sink callbacks. */
    private static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException e) {
            super(e);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
