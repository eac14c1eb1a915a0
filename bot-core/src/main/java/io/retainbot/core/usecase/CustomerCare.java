package io.retainbot.core.usecase;

import io.retainbot.core.customer.ConsentWithdrawn;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.usecase.CareInputs.OptOutCustomer;
import java.time.Clock;
import java.time.Instant;

/** Staff operations on a customer's file. */
public final class CustomerCare {
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

    /** Ends greetings and offers for the customer; false when there is no such customer. */
    public boolean optOut(OptOutCustomer input) {
        boolean done = transactor.inTransaction(session -> {
            if (session.customers().find(input.customerId()).isEmpty()) {
                return false;
            }
            Instant now = clock.instant();
            String source = input.actor().staff().map(id -> "staff " + id).orElse("api");
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
