package io.retainbot.core.port;

import io.retainbot.core.outreach.OfferCode;
import java.time.Instant;
import java.util.Optional;

/** Personal offer codes: one per customer and campaign, each code unique. */
public interface OfferStore {
    /** Stores a new code; false when the code is taken or the customer already has one for the campaign. */
    boolean insert(OfferCode offer);

    Optional<OfferCode> find(String code);

    Optional<OfferCode> findFor(long customerId, String campaign);

    /**
     * Marks the code redeemed if it is neither redeemed nor expired at {@code now}; returns the code as
     * stored afterwards, or empty when it was not redeemable (look it up to say why).
     */
    Optional<OfferCode> redeem(String code, String redeemedBy, Instant now);

    /** Codes issued, and of those redeemed, for a campaign. */
    Tally tally(String campaign);

    record Tally(long issued, long redeemed) {
    }
}
