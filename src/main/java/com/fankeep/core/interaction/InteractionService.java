package com.fankeep.core.interaction;

import com.fankeep.core.db.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;

/** Logs, edits and deletes interactions with customers; edits and deletes can be undone. */
public final class InteractionService {

    /** Built on first use, not when the services are wired: every CLI command paid ~40 ms for it (ADR 0035). */
    private static final class Undo {
        static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    }

    private final Database database;
    private final Clock clock;
    private final List<InteractionListener> listeners = new CopyOnWriteArrayList<>();

    public InteractionService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Work to do in the same transaction whenever an interaction is logged (e.g. satisfy "keep in touch"). */
    public void addListener(InteractionListener listener) {
        listeners.add(listener);
    }

    public Interaction add(NewInteraction n) {
        return database.transactionResult(tx -> add(tx, n));
    }

    /** Logs an interaction inside a caller's transaction (core services only: completing a follow-up). */
    public Interaction add(DSLContext tx, NewInteraction n) {
        InteractionRepository repo = new InteractionRepository(tx);
        if (!repo.customerExists(n.customerId())) {
            throw new IllegalArgumentException("no customer " + n.customerId());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = repo.insert(n, n.occurredAt() == null ? now : n.occurredAt(), now);
        Interaction saved = repo.find(id).orElseThrow();
        for (InteractionListener l : listeners) {
            l.logged(tx, saved);
        }
        return saved;
    }

    public InteractionChange edit(long id, NewInteraction n) {
        return database.transactionResult(tx -> {
            InteractionRepository repo = new InteractionRepository(tx);
            Interaction before = repo.find(id).orElseThrow(() -> new IllegalArgumentException("no interaction " + id));
            if (before.customerId() != n.customerId()) {
                throw new IllegalArgumentException("an interaction cannot move to another customer");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            OffsetDateTime consent = !n.shareable() ? null
                    : before.consentAt() != null ? before.consentAt() : n.consentGiven() ? now : null;
            repo.update(id, n, n.occurredAt() == null ? before.occurredAt() : n.occurredAt(), consent, now);
            return new InteractionChange(repo.audit("edit", id, "edit interaction", write(before)), before);
        });
    }

    public InteractionChange delete(long id) {
        return database.transactionResult(tx -> {
            InteractionRepository repo = new InteractionRepository(tx);
            Interaction before = repo.find(id).orElseThrow(() -> new IllegalArgumentException("no interaction " + id));
            repo.delete(id);
            return new InteractionChange(repo.audit("delete", id, "delete interaction", write(before)), before);
        });
    }

    /** Puts the interaction back as it was before the change; a change can be undone once. */
    public Interaction undo(long undoId) {
        return database.transactionResult(tx -> {
            InteractionRepository repo = new InteractionRepository(tx);
            String data = repo.undoData(undoId).orElseThrow(
                    () -> new IllegalArgumentException("no interaction change " + undoId + " to undo"));
            Interaction before = read(data);
            OffsetDateTime now = OffsetDateTime.now(clock);
            repo.restore(before, now);
            repo.markUndone(undoId, now);
            return repo.find(before.id()).orElseThrow();
        });
    }

    public java.util.Optional<Interaction> find(long id) {
        return database.transactionResult(tx -> new InteractionRepository(tx).find(id));
    }

    /** A customer's interactions, newest first; {@code kind} null for all kinds. */
    public List<Interaction> forCustomer(long customerId, InteractionKind kind) {
        return database.transactionResult(tx -> new InteractionRepository(tx).forCustomer(customerId, kind));
    }

    private static String write(Interaction i) {
        try {
            return Undo.JSON.writeValueAsString(i);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Interaction read(String json) {
        try {
            return Undo.JSON.readValue(json, Interaction.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable undo data", e);
        }
    }
}
