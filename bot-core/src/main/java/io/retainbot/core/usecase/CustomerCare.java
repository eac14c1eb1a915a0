package io.retainbot.core.usecase;

import io.retainbot.core.customer.ConsentWithdrawn;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.usecase.CareInputs.OptOutCustomer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Staff operations on a customer's file. */
public final class CustomerCare {
    /** An opt-out is put down to the broadcast the customer got within this time before it, as in chat. */
    private static final Duration OPT_OUT_ATTRIBUTION = Duration.ofDays(7);

    private final Transactor transactor;
    private final Reactions reactions;
    private final Clock clock;
    private final Runnable afterCommit;

    public CustomerCare(Transactor transactor, Reactions reactions, Clock clock, Runnable afterCommit) {
        this.transactor = transactor;
        this.reactions = reactions;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    /**
     * Ends greetings and offers for the customer (who asked staff to, say on the phone); a customer who had
     * consented counts as an opt-out in the outreach report, as one who sent /stop does. False when there is
     * no such customer.
     */
    public boolean optOut(OptOutCustomer input) {
        boolean done = transactor.inTransaction(session -> {
            Optional<Customer> customer = session.customers().find(input.customerId());
            if (customer.isEmpty()) {
                return false;
            }
            Instant now = clock.instant();
            String source = input.actor().staff().map(id -> "staff " + id).orElse("api");
            if (customer.get().consent().granted()) {
                session.optOuts().record(input.customerId(), source, OPT_OUT_ATTRIBUTION, now);
            }
            session.customers().recordConsent(input.customerId(), false, source, now);
            reactions.record(session, new ConsentWithdrawn(input.customerId(), source, now), now);
            return true;
        });
        if (done) {
            afterCommit.run();
        }
        return done;
    }
}
