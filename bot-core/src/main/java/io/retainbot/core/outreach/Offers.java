package io.retainbot.core.outreach;

import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.RetainBotException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * Personal offer codes: issued once per customer and campaign (issuing again returns the same code,
 * so a greeting sent twice after a crash carries one code), looked up and redeemed by staff.
 */
public final class Offers {
    private static final int ATTEMPTS = 20;
    private static final Pattern RUN_CAMPAIGN = Pattern.compile("run:\\d{1,18}");

    private final Transactor transactor;
    private final OfferCodeGenerator codes;
    private final Clock clock;

    public Offers(Transactor transactor, OfferCodeGenerator codes, Clock clock) {
        this.transactor = transactor;
        this.codes = codes;
        this.clock = clock;
    }

    /** How a redemption ended. */
    public sealed interface Redemption {
        record Redeemed(OfferCode offer) implements Redemption {
        }

        record AlreadyRedeemed(OfferCode offer) implements Redemption {
        }

        record Expired(OfferCode offer) implements Redemption {
        }

        record Unknown(String code) implements Redemption {
        }
    }

    /** The customer's code for the campaign, issued now (valid for {@code validFor}) if they have none. */
    public OfferCode issue(long customerId, String campaign, Duration validFor) {
        return transactor.inTransaction(session -> issue(session, customerId, campaign, validFor, clock.instant()));
    }

    /** As {@link #issue(long, String, Duration)}, inside a caller's transaction. */
    public OfferCode issue(StoreSession session, long customerId, String campaign, Duration validFor, Instant now) {
        Optional<OfferCode> existing = session.offers().findFor(customerId, campaign);
        if (existing.isPresent()) {
            return existing.get();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            OfferCode fresh = new OfferCode(codes.next(), customerId, campaign, now, now.plus(validFor), null, null);
            if (session.offers().insert(fresh)) {
                return fresh;
            }
            existing = session.offers().findFor(customerId, campaign);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        throw new RetainBotException("no free offer code found in " + ATTEMPTS + " attempts");
    }

    /** The code as typed by a person (any case, dash optional), if it exists. */
    public Optional<OfferCode> find(String typed) {
        return OfferCode.normalize(typed)
                .flatMap(code -> transactor.inTransaction(session -> session.offers().find(code)));
    }

    /**
     * A code with the name of the customer it was issued to, for staff to check at the till, and the broadcast
     * (or birthday greeting) that carried it, when it came with one.
     *
     * @param customerName as they like to be addressed, else their name; empty when the file has neither (or the
     *                     customer is gone): {@link #customerName(LongFunction)} then names them by number
     */
    public record Holder(OfferCode offer, String customerName, Optional<Occasion> occasion) {
        public Holder {
            customerName = customerName == null ? "" : customerName.strip();
            Objects.requireNonNull(occasion, "occasion");
        }

        /**
         * The name staff read, the console and the API alike: the holder's name, else {@code numbered} of the
         * customer's id ("Customer 7", in the reader's words).
         */
        public String customerName(LongFunction<String> numbered) {
            return customerName.isEmpty() ? numbered.apply(offer.customerId()) : customerName;
        }
    }

    /** The broadcast whose run issued a code, by name, and the date of that run's occurrence. */
    public record Occasion(String broadcastName, LocalDate date) {
    }

    /** As {@link #find}, with the holder's name (as they like to be addressed, else their name) and occasion. */
    public Optional<Holder> lookUp(String typed) {
        return OfferCode.normalize(typed).flatMap(code -> transactor.inTransaction(session ->
                session.offers().find(code).map(offer -> new Holder(offer, session.customers()
                        .find(offer.customerId())
                        .map(customer -> customer.profile().formOfAddress() != null
                                ? customer.profile().formOfAddress() : customer.displayName())
                        .orElse(""), occasion(session, offer.campaign())))));
    }

    /** A broadcast issues codes for the campaign {@code run:<run id>} ({@link BroadcastRunner}). */
    private static Optional<Occasion> occasion(StoreSession session, String campaign) {
        if (!RUN_CAMPAIGN.matcher(campaign).matches()) {
            return Optional.empty();
        }
        return session.broadcasts().run(Long.parseLong(campaign.substring("run:".length())))
                .flatMap(run -> session.broadcasts().find(run.broadcastId())
                        .map(broadcast -> new Occasion(broadcast.name(), run.occurrence().toLocalDate())));
    }

    public Redemption redeem(String typed, String redeemedBy) {
        Optional<String> code = OfferCode.normalize(typed);
        if (code.isEmpty()) {
            return new Redemption.Unknown(typed);
        }
        Instant now = clock.instant();
        return transactor.inTransaction(session -> {
            Optional<OfferCode> redeemed = session.offers().redeem(code.get(), redeemedBy, now);
            if (redeemed.isPresent()) {
                return new Redemption.Redeemed(redeemed.get());
            }
            Optional<OfferCode> found = session.offers().find(code.get());
            if (found.isEmpty()) {
                return new Redemption.Unknown(code.get());
            }
            return found.get().redeemedAt() != null ? new Redemption.AlreadyRedeemed(found.get())
                    : new Redemption.Expired(found.get());
        });
    }
}
