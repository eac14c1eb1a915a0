package io.retainbot.core.port;

import io.retainbot.core.customer.DataSummary;
import io.retainbot.core.customer.Erasure;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Everything stored about one customer, as a summary, as an export, and its erasure. */
public interface PersonalDataStore {
    Optional<DataSummary> summary(long customerId);

    /**
     * Every row about the customer, table by table (table name to a JSON array of its rows; stored file
     * contents left out), in a fixed order; empty when there is no such customer.
     */
    Optional<Map<String, String>> export(long customerId);

    /**
     * Removes or anonymises the customer's personal fields, chat identities, conversations and message
     * texts in every table, keeps what statistics need (complaints with category, status and times, the
     * customer row without anything personal), and records the erasure. Returns the rows changed per table;
     * empty when there is no such customer. Running it again erases what arrived since, and records again.
     */
    Optional<Map<String, Integer>> erase(Erasure erasure, Instant now);

    /** When the customer's data was last erased, if ever. */
    Optional<Instant> erasedAt(long customerId);
}
