package io.retainbot.core.port;

import io.retainbot.core.customer.AccountReview;
import io.retainbot.core.customer.AccountReviews;
import io.retainbot.core.customer.ReviewDue;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Account reviews on the customer file, and who is due for one. */
public interface ReviewStore {
    /** Keeps the review; returns it with its id. */
    AccountReview record(AccountReview review);

    /**
     * Keeps the customer's answers to one questionnaire ({@code round}: the due event that started it), in place
     * of the answers kept for the same round before; returns them with their id.
     */
    AccountReview recordAnswers(AccountReview answers, String round);

    /**
     * Puts the customer's review off until {@code until} (the day it falls due again, unless a review is
     * recorded before), by {@code staffId}.
     */
    void snooze(long customerId, LocalDate until, Long staffId, java.time.Instant now);

    /** The customer's reviews, newest first. */
    List<AccountReview> ofCustomer(long customerId, int limit);

    /**
     * The customers (not erased) whose next review falls due on or before {@code until}, nearest first: the
     * latest review (or, before the first, the day they became a customer) plus the interval of their tier,
     * as dates in {@code zone}, or the day staff put it off until when that is later; {@code ownerId} null for every responsible staff member's customers and those
     * without one.
     */
    List<ReviewDue> due(Long ownerId, LocalDate until, AccountReviews settings, ZoneId zone, LocalDate today,
                        int limit);
}
