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

    /** The customer's reviews, newest first. */
    List<AccountReview> ofCustomer(long customerId, int limit);

    /**
     * The customers (not erased) whose next review falls due on or before {@code until}, nearest first: the
     * latest review (or, before the first, the day they became a customer) plus the interval of their tier,
     * as dates in {@code zone}; {@code ownerId} null for every responsible staff member's customers and those
     * without one.
     */
    List<ReviewDue> due(Long ownerId, LocalDate until, AccountReviews settings, ZoneId zone, LocalDate today,
                        int limit);
}
