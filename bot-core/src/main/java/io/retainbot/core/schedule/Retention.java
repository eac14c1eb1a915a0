package io.retainbot.core.schedule;

import io.retainbot.core.port.Housekeeping;
import java.time.Clock;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prunes handled inbox rows, finished outbox rows, web chat messages, uploaded files no complaint has
 * attached and finished reaction deliveries older than the policy keeps them, batch by batch (each its own short transaction, rows others hold
 * are skipped), so pruning never holds up customers' messages.
 */
public final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final Housekeeping housekeeping;
    private final RetentionPolicy policy;
    private final Clock clock;

    public Retention(Housekeeping housekeeping, RetentionPolicy policy, Clock clock) {
        this.housekeeping = housekeeping;
        this.policy = policy;
        this.clock = clock;
    }

    /** How many rows one run deleted, per table. */
    public record Pruned(long inbox, long outbox, long webMessages, long files, long deliveries) {
        public long total() {
            return inbox + outbox + webMessages + files + deliveries;
        }
    }

    public Pruned run() {
        Instant now = clock.instant();
        int batch = policy.batch();
        Instant inboxCutoff = now.minus(policy.inbox());
        Instant outboxCutoff = now.minus(policy.outbox());
        Instant webCutoff = now.minus(policy.webMessages());
        Instant fileCutoff = now.minus(policy.files());
        Pruned pruned = new Pruned(
                inBatches(() -> housekeeping.pruneInbox(inboxCutoff, batch)),
                inBatches(() -> housekeeping.pruneFinishedOutbox(outboxCutoff, batch)),
                inBatches(() -> housekeeping.pruneWebMessages(webCutoff, batch)),
                inBatches(() -> housekeeping.pruneUnattachedFiles(fileCutoff, batch)),
                inBatches(() -> housekeeping.pruneFinishedDeliveries(outboxCutoff, batch)));
        if (pruned.total() > 0) {
            log.info("retention pruned {} inbox, {} outbox, {} web chat, {} file and {} reaction rows", pruned.inbox(),
                    pruned.outbox(), pruned.webMessages(), pruned.files(), pruned.deliveries());
        }
        return pruned;
    }

    private long inBatches(IntSupplier batchDelete) {
        long total = 0;
        int deleted;
        do {
            deleted = batchDelete.getAsInt();
            total += deleted;
            Thread.yield();
        } while (deleted >= policy.batch());
        return total;
    }
}
