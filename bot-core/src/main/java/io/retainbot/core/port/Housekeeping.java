package io.retainbot.core.port;

import java.time.Instant;

/**
 * Pruning of working rows that have served their purpose, one bounded batch per call (a short
 * transaction of its own, so the hot path never waits behind a big delete). Business records
 * (complaints, notes, the interaction log, consent, domain events) are never touched.
 */
public interface Housekeeping {
    /** Deletes up to {@code batch} inbox rows handled before {@code cutoff}; returns how many. */
    int pruneInbox(Instant cutoff, int batch);

    /** Deletes up to {@code batch} outbox rows that finished (delivered, failed, ...) before {@code cutoff}. */
    int pruneFinishedOutbox(Instant cutoff, int batch);

    /** Deletes up to {@code batch} web chat messages sent before {@code cutoff}. */
    int pruneWebMessages(Instant cutoff, int batch);

    /**
     * Deletes up to {@code batch} uploaded files stored before {@code cutoff} that no complaint has
     * attached (an attachment is a business record) and no unfinished conversation still holds
     * (an intake waiting for its confirmation).
     */
    int pruneUnattachedFiles(Instant cutoff, int batch);

    /** Deletes up to {@code batch} finished handler deliveries of domain events before {@code cutoff} (the events stay). */
    int pruneFinishedDeliveries(Instant cutoff, int batch);
}
