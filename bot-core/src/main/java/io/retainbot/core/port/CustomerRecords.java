package io.retainbot.core.port;

import java.time.Instant;
import java.util.List;

/** What the business sent a customer besides chat replies, and what the customer answered in surveys. */
public interface CustomerRecords {
    /** Greetings and broadcasts addressed to the customer, newest first. */
    List<Outreach> outreach(long customerId, int limit);

    /** The customer's survey answers, newest first. */
    List<Score> scores(long customerId, int limit);

    /**
     * One greeting or broadcast to the customer.
     *
     * @param occurrence the run's local time in the business's zone
     * @param status     pending, queued, sent, unreachable, failed or skipped
     */
    record Outreach(long broadcastId, String broadcastName, java.time.LocalDateTime occurrence, String status, String reason,
                    Instant updatedAt) {
    }

    /** @param question {@code satisfaction} or {@code effort} */
    record Score(long complaintNumber, String question, int score, Instant answeredAt) {
    }
}
