package io.retainbot.core.usecase;

import io.retainbot.core.customer.Erasure;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.reaction.StaffChats;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer's own data for staff: everything about one customer as an export, and erasure on request
 * with a reason (the same erasure as the customer's own {@code /forget}).
 */
public final class CustomerData {
    private static final Logger log = LoggerFactory.getLogger(CustomerData.class);

    private final Transactor transactor;
    private final Clock clock;
    private final StaffChats staffChats;

    /**
     * @param staffChats where the posts about an erased customer are edited to say their data was erased
     */
    public CustomerData(Transactor transactor, Clock clock, StaffChats staffChats) {
        this.transactor = transactor;
        this.clock = clock;
        this.staffChats = staffChats;
    }

    /** Table name to the JSON array of that table's rows about the customer; empty when there is no such customer. */
    public Optional<Map<String, String>> export(long customerId) {
        return transactor.inTransaction(session -> session.personalData().export(customerId));
    }

    /** The outcome of an erasure by staff. */
    public sealed interface Outcome {
        /** @param changed rows removed or anonymised, per table */
        record Erased(Map<String, Integer> changed) implements Outcome {
        }

        record NoSuchCustomer() implements Outcome {
        }

        record UnknownStaff(long staffId) implements Outcome {
        }
    }

    public Outcome erase(Erasure erasure) {
        Outcome outcome = transactor.inTransaction(session -> {
            if (erasure.staffId() != null && session.staff().find(erasure.staffId()).isEmpty()) {
                return new Outcome.UnknownStaff(erasure.staffId());
            }
            Optional<Map<String, Integer>> erased = session.personalData().erase(erasure, clock.instant());
            if (erased.isEmpty()) {
                return new Outcome.NoSuchCustomer();
            }
            staffChats.showErased(session, erasure.customerId(), clock.instant());
            return new Outcome.Erased(erased.get());
        });
        if (outcome instanceof Outcome.Erased) {
            log.info("customer {}'s data erased at the request of {}", erasure.customerId(),
                    erasure.staffId() == null ? "the business" : "staff " + erasure.staffId());
        }
        return outcome;
    }
}
