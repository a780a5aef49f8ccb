package com.fankeep.core.followup;

import com.fankeep.core.db.Database;
import com.fankeep.core.interaction.Interaction;
import com.fankeep.core.interaction.InteractionService;
import com.fankeep.core.interaction.NewInteraction;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Personal follow-ups: schedule on one or many customers, the Today agenda, done (logs the interaction and schedules
 * the next occurrence), snooze, reschedule, cancel. Any interaction logged on a customer satisfies their open
 * "keep in touch" follow-ups.
 */
public final class FollowUpService {

    /** How far ahead the Today page looks. */
    public static final int UPCOMING_DAYS = 7;

    private final Database database;
    private final InteractionService interactions;
    private final Clock clock;

    public FollowUpService(Database database, InteractionService interactions, Clock clock) {
        this.database = database;
        this.interactions = interactions;
        this.clock = clock;
        interactions.addListener(this::satisfyKeepInTouch);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** Schedules the same follow-up on each customer, in one transaction. */
    public List<FollowUp> schedule(Collection<Long> customerIds, NewFollowUp n) {
        if (customerIds.isEmpty()) {
            throw new IllegalArgumentException("choose at least one customer");
        }
        return database.transactionResult(tx -> schedule(tx, customerIds, n));
    }

    /** The same inside the caller's transaction (a launch phase started and its follow-ups commit together). */
    public List<FollowUp> schedule(org.jooq.DSLContext tx, Collection<Long> customerIds, NewFollowUp n) {
        FollowUpRepository repo = new FollowUpRepository(tx);
        List<FollowUp> made = new ArrayList<>();
        for (long id : new java.util.LinkedHashSet<>(customerIds)) {
            if (!repo.customerExists(id)) {
                throw new IllegalArgumentException("no customer " + id);
            }
            long fid = repo.insert(id, n, null, null, null, null, now()).orElseThrow();
            made.add(repo.find(fid).orElseThrow());
        }
        return made;
    }

    public FollowUp schedule(long customerId, NewFollowUp n) {
        return schedule(List.of(customerId), n).getFirst();
    }

    public Optional<FollowUp> find(long id) {
        return database.transactionResult(tx -> new FollowUpRepository(tx).find(id));
    }

    /** Overdue, due on {@code day}, and due in the {@link #UPCOMING_DAYS} after it. */
    public Agenda agenda(LocalDate day) {
        List<FollowUp> open = database.transactionResult(tx -> new FollowUpRepository(tx).open(null, day.plusDays(UPCOMING_DAYS)));
        List<FollowUp> overdue = new ArrayList<>();
        List<FollowUp> due = new ArrayList<>();
        List<FollowUp> upcoming = new ArrayList<>();
        for (FollowUp f : open) {
            (f.dueDate().isBefore(day) ? overdue : f.dueDate().isEqual(day) ? due : upcoming).add(f);
        }
        return new Agenda(day, overdue, due, upcoming);
    }

    public Agenda agenda() {
        return agenda(today());
    }

    /** Open follow-ups due from {@code from} to {@code to} inclusive (the calendar); {@code from} null includes overdue ones. */
    public List<FollowUp> between(LocalDate from, LocalDate to) {
        return database.transactionResult(tx -> new FollowUpRepository(tx).open(from, to));
    }

    public List<FollowUp> allOpen() {
        return database.transactionResult(tx -> new FollowUpRepository(tx).allOpen());
    }

    /** Every follow-up of a customer (open, done, cancelled), latest due first. */
    public List<FollowUp> forCustomer(long customerId) {
        return database.transactionResult(tx -> new FollowUpRepository(tx).forCustomer(customerId));
    }

    /**
     * Completes an open follow-up: logs {@code interaction} on its customer, marks it done with it and, when it
     * repeats, schedules the next occurrence — all or nothing.
     */
    public DoneResult done(long id, NewInteraction interaction) {
        return database.transactionResult(tx -> {
            FollowUpRepository repo = new FollowUpRepository(tx);
            FollowUp f = openOne(repo, id);
            if (interaction.customerId() != f.customerId()) {
                throw new IllegalArgumentException("the interaction is for another customer than the follow-up");
            }
            Interaction logged = interactions.add(tx, interaction);
            // logging may already have completed it (a "keep in touch" follow-up)
            FollowUp after = repo.find(id).orElseThrow();
            if (after.isOpen()) {
                repo.markDone(id, logged.id(), now());
                FollowUp next = scheduleNext(repo, f, logged.occurredAt().atZoneSameInstant(zone()).toLocalDate());
                return new DoneResult(repo.find(id).orElseThrow(), logged, next);
            }
            Long nextId = repo.forCustomer(f.customerId()).stream().filter(x -> x.previousId() != null && x.previousId() == id)
                    .map(FollowUp::id).findFirst().orElse(null);
            return new DoneResult(after, logged, nextId == null ? null : repo.find(nextId).orElseThrow());
        });
    }

    /** Moves an open follow-up's due date; the next occurrence of a recurring one still counts from its nominal date. */
    public FollowUp snooze(long id, LocalDate until) {
        return database.transactionResult(tx -> {
            FollowUpRepository repo = new FollowUpRepository(tx);
            openOne(repo, id);
            repo.moveDue(id, until, now());
            return repo.find(id).orElseThrow();
        });
    }

    public FollowUp reschedule(long id, LocalDate due, LocalTime time) {
        return database.transactionResult(tx -> {
            FollowUpRepository repo = new FollowUpRepository(tx);
            openOne(repo, id);
            repo.reschedule(id, due, time, now());
            return repo.find(id).orElseThrow();
        });
    }

    public FollowUp cancel(long id) {
        return database.transactionResult(tx -> {
            FollowUpRepository repo = new FollowUpRepository(tx);
            openOne(repo, id);
            repo.cancel(id, now());
            return repo.find(id).orElseThrow();
        });
    }

    /**
     * Writes the open follow-ups (from {@code from} on, or all when null) to an iCalendar file and records the export
     * (it holds customers' names).
     *
     * @return how many follow-ups were written
     */
    public int exportIcs(java.nio.file.Path file, LocalDate from) throws java.io.IOException {
        List<FollowUp> open = from == null ? allOpen() : between(from, LocalDate.of(9999, 12, 31));
        String text = IcsWriter.write(open, now());
        java.nio.file.Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
        database.transaction(tx -> new FollowUpRepository(tx).logIcsExport(file.getFileName().toString(), open.size(), now()));
        return open.size();
    }

    /** A customer's interactions and follow-ups for the profile timeline, newest first. */
    public List<TimelineEntry> timeline(long customerId) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Interaction i : interactions.forCustomer(customerId, null)) {
            entries.add(new TimelineEntry(i.occurredAt(), TimelineEntry.INTERACTION, i.kind().code(), i.summary(), i.id()));
        }
        for (FollowUp f : forCustomer(customerId)) {
            OffsetDateTime at = f.doneAt() != null ? f.doneAt()
                    : f.dueDate().atTime(f.dueTime() == null ? LocalTime.MIDNIGHT : f.dueTime()).atZone(zone()).toOffsetDateTime();
            entries.add(new TimelineEntry(at, TimelineEntry.FOLLOW_UP, f.status().code(), f.title(), f.id()));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return entries;
    }

    /** Any interaction on a customer completes their open "keep in touch" follow-ups (and schedules the next ones). */
    private void satisfyKeepInTouch(DSLContext tx, Interaction i) {
        FollowUpRepository repo = new FollowUpRepository(tx);
        LocalDate on = i.occurredAt().atZoneSameInstant(zone()).toLocalDate();
        for (FollowUp f : repo.openOf(i.customerId(), FollowUpReason.KEEP_IN_TOUCH)) {
            repo.markDone(f.id(), i.id(), now());
            scheduleNext(repo, f, on);
        }
    }

    private FollowUp scheduleNext(FollowUpRepository repo, FollowUp f, LocalDate doneOn) {
        if (f.recurrence() == null) {
            return null;
        }
        LocalDate scheduled = f.scheduledDate() == null ? f.dueDate() : f.scheduledDate();
        LocalDate anchor = f.anchorDate() == null ? scheduled : f.anchorDate();
        LocalDate nextDate = RecurrenceCalculator.next(f.recurrence(), anchor, scheduled, doneOn);
        String originKey = f.reason() == FollowUpReason.BIRTHDAY ? FollowUpRules.birthdayKey(f.customerId(), nextDate.getYear()) : null;
        NewFollowUp n = new NewFollowUp(f.title(), f.reason(), nextDate, f.dueTime(), f.channel(), f.templateId(), f.recurrence());
        return repo.insert(f.customerId(), n, f.orderId(), originKey, f.id(), anchor, now())
                .flatMap(repo::find).orElse(null);
    }

    private static FollowUp openOne(FollowUpRepository repo, long id) {
        FollowUp f = repo.find(id).orElseThrow(() -> new IllegalArgumentException("no follow-up " + id));
        if (!f.isOpen()) {
            throw new IllegalStateException("follow-up " + id + " is " + f.status().code() + ", not open");
        }
        return f;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
