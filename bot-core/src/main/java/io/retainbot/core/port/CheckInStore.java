package io.retainbot.core.port;

import io.retainbot.core.customer.CheckIn;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** After-sales check-ins on the customer file. */
public interface CheckInStore {
    /**
     * Plans the check-in of {@code cadence} about the purchase or complaint; empty when it was planned before
     * (running the planning twice plans one).
     */
    Optional<CheckIn> plan(long customerId, String cadence, String about, long aboutId, Instant dueAt, Instant now);

    /** The check-in of {@code cadence} about the purchase or complaint {@code aboutId}. */
    Optional<CheckIn> find(String cadence, long aboutId);

    /** The bot asked: the check-in is sent (once; false when it was not planned). */
    boolean markSent(long id, Instant now);

    /** The customer's answer to their own sent check-in; false when it is not theirs or was answered before. */
    boolean answer(long id, long customerId, CheckIn.Answer answer, Instant now);

    /**
     * The complaint filed from the customer's own check-in answered "I have a problem"; false when the check-in
     * is not theirs, was not answered so, or has its complaint already.
     */
    boolean linkComplaint(long id, long customerId, long complaintId);

    /** The planned check-in of {@code cadence} about {@code aboutId} was not sent, and why. */
    void markSkipped(String cadence, long aboutId, String reason);

    /** When the customer was last sent a check-in; empty if never. */
    Optional<Instant> lastSent(long customerId);

    /** The customer's check-ins, newest due first. */
    List<CheckIn> ofCustomer(long customerId, int limit);
}
