package io.retainbot.core.outreach;

import io.retainbot.core.customer.ConsentGiven;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.port.CustomerStore;
import io.retainbot.core.port.StoreException;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.StoreUnavailableException;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.reaction.Reactions;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Imports customers from CSV ({@link CustomerCsv}): each row is validated on its own; valid rows are
 * stored in batches, a rejected row never stops the others, and the report lists every rejection
 * with its line, column and reason.
 *
 * <p>A row with an {@code id} updates that customer; a row whose identities are already linked
 * updates the customer they belong to; any other row creates a customer. Empty cells leave what the
 * file has; tags are added, never removed. Consent is taken only when it is newer than the answer
 * on file, so an old list never undoes a customer's later opt-out. Consent a row gives to a customer
 * who had not given it is recorded as {@link ConsentGiven}, in the row's transaction, so what follows
 * consent given in chat (the birthday question) follows it too.
 */
public final class CustomerImport {
    public static final int MAX_LISTED_REJECTIONS = 1000;
    private static final int BATCH = 500;

    private final Transactor transactor;
    private final Reactions reactions;
    private final Clock clock;
    private final Runnable afterCommit;

    /** An import whose consent nothing reacts to. */
    public CustomerImport(Transactor transactor, Clock clock) {
        this(transactor, Reactions.none(), clock, () -> { });
    }

    /** @param afterCommit told after each stored batch (wakes the reactions up) */
    public CustomerImport(Transactor transactor, Reactions reactions, Clock clock, Runnable afterCommit) {
        this.transactor = transactor;
        this.reactions = reactions;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    /**
     * @param rejected the first {@link #MAX_LISTED_REJECTIONS} rejections; {@code rejectedCount} counts all
     */
    public record Report(int created, int updated, int rejectedCount, List<CustomerCsv.Rejection> rejected) {
        public Report {
            rejected = List.copyOf(rejected);
        }
    }

    private enum Outcome { CREATED, UPDATED }

    private static final class RowRejected extends RuntimeException {
        private final CustomerCsv.Rejection rejection;

        RowRejected(CustomerCsv.Rejection rejection) {
            super(rejection.error(), null, false, false);
            this.rejection = rejection;
        }
    }

    /**
     * @throws IllegalArgumentException when the input has no header or a bad one, naming the problem
     * A CSV that breaks off (an unclosed quote, say) ends the import there: the rows before it are
     * stored and the report names the line where reading stopped.
     */
    public Report run(Reader csv) {
        CsvReader reader = new CsvReader(csv);
        CsvReader.Record headerRecord = reader.next()
                .orElseThrow(() -> new IllegalArgumentException("the file is empty; the first line names the columns: "
                        + String.join(",", CustomerCsv.COLUMNS)));
        CustomerCsv format = CustomerCsv.header(headerRecord.fields());
        Tally tally = new Tally();
        List<CustomerCsv.ImportedCustomer> batch = new ArrayList<>();
        try {
            for (Optional<CsvReader.Record> record = reader.next(); record.isPresent(); record = reader.next()) {
                CustomerCsv.Row row = format.read(record.get());
                if (row instanceof CustomerCsv.Row.Invalid invalid) {
                    tally.reject(invalid.rejection());
                } else if (row instanceof CustomerCsv.Row.Valid valid) {
                    batch.add(valid.customer());
                    if (batch.size() == BATCH) {
                        store(batch, tally);
                        batch.clear();
                    }
                }
            }
        } catch (CsvReader.MalformedCsv broken) {
            tally.reject(new CustomerCsv.Rejection(broken.line(), "row", broken.getMessage()
                    + "; the rest of the file was not read"));
        }
        store(batch, tally);
        return tally.report();
    }

    private void store(List<CustomerCsv.ImportedCustomer> rows, Tally tally) {
        if (rows.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        try {
            List<Object> outcomes = transactor.inTransaction(session -> {
                List<Object> results = new ArrayList<>();
                for (CustomerCsv.ImportedCustomer row : rows) {
                    results.add(attempt(session, row, now, false));
                }
                return results;
            });
            afterCommit.run();
            outcomes.forEach(tally::count);
        } catch (StoreUnavailableException unavailable) {
            throw unavailable;
        } catch (StoreException failed) {
            // One row broke the batch: store them one by one to find it, and keep the rest.
            for (CustomerCsv.ImportedCustomer row : rows) {
                try {
                    tally.count(transactor.inTransaction(session -> attempt(session, row, now, true)));
                    afterCommit.run();
                } catch (StoreUnavailableException unavailable) {
                    throw unavailable;
                } catch (StoreException rowFailed) {
                    tally.reject(new CustomerCsv.Rejection(row.line(), "row", "could not be stored: "
                            + rowFailed.getMessage()));
                } catch (RowRejected rejected) {
                    tally.reject(rejected.rejection);
                }
            }
        }
    }

    /** A row's outcome, or its rejection; rejections are values so the batch's transaction goes on. */
    private Object attempt(StoreSession session, CustomerCsv.ImportedCustomer row, Instant now, boolean alone) {
        try {
            return apply(session, row, now);
        } catch (RowRejected rejected) {
            if (alone) {
                throw rejected;
            }
            return rejected.rejection;
        }
    }

    private Outcome apply(StoreSession session, CustomerCsv.ImportedCustomer row, Instant now) {
        CustomerStore customers = session.customers();
        Optional<Customer> existing = target(customers, row);
        Customer customer;
        Outcome outcome;
        if (existing.isPresent()) {
            customer = customers.update(existing.get().id(), row.appliedTo(existing.get().profile()), now)
                    .orElseThrow();
            outcome = Outcome.UPDATED;
        } else {
            customer = customers.create(row.appliedTo(row.given()), now);
            outcome = Outcome.CREATED;
        }
        for (CustomerCsv.IdentityCell identity : row.identities()) {
            customers.link(customer.id(), identity.platform(), identity.userId(), identity.chatId(), "",
                    now);
        }
        row.tags().forEach(tag -> customers.addTag(customer.id(), tag));
        if (row.consent() != null) {
            Instant answeredAt = row.consentAt() == null ? now : row.consentAt();
            Instant onFile = customer.consent().answeredAt();
            if (onFile == null || onFile.isBefore(answeredAt)) {
                customers.recordConsent(customer.id(), row.consent(), row.consentSource(), answeredAt);
                if (row.consent() && !customer.consent().granted()) {
                    reactions.record(session, new ConsentGiven(customer.id(), row.consentSource() == null
                            ? "import" : row.consentSource(), answeredAt), now);
                }
            }
        }
        return outcome;
    }

    /** The customer the row updates: by id, else by an identity already linked; empty to create one. */
    private static Optional<Customer> target(CustomerStore customers, CustomerCsv.ImportedCustomer row) {
        Set<Long> owners = new HashSet<>();
        for (CustomerCsv.IdentityCell identity : row.identities()) {
            customers.identity(identity.platform(), identity.userId())
                    .ifPresent(linked -> owners.add(linked.customerId()));
        }
        if (row.id() != null) {
            Customer byId = customers.find(row.id()).orElseThrow(() -> new RowRejected(
                    new CustomerCsv.Rejection(row.line(), "id", "there is no customer " + row.id())));
            owners.remove(byId.id());
            if (!owners.isEmpty()) {
                throw new RowRejected(new CustomerCsv.Rejection(row.line(), "identities", "an identity belongs to "
                        + "customer " + owners.iterator().next() + ", not to customer " + byId.id()));
            }
            return Optional.of(byId);
        }
        if (owners.size() > 1) {
            throw new RowRejected(new CustomerCsv.Rejection(row.line(), "identities", "the identities belong to "
                    + "different customers " + owners + "; merge them first"));
        }
        return owners.stream().findFirst().flatMap(id -> customers.find(id));
    }

    private static final class Tally {
        private int created;
        private int updated;
        private int rejectedCount;
        private final List<CustomerCsv.Rejection> rejected = new ArrayList<>();

        void count(Object outcome) {
            if (outcome instanceof CustomerCsv.Rejection rejection) {
                reject(rejection);
            } else if (outcome == Outcome.CREATED) {
                created++;
            } else {
                updated++;
            }
        }

        void reject(CustomerCsv.Rejection rejection) {
            rejectedCount++;
            if (rejected.size() < MAX_LISTED_REJECTIONS) {
                rejected.add(rejection);
            }
        }

        Report report() {
            rejected.sort(java.util.Comparator.comparingInt(CustomerCsv.Rejection::line));
            return new Report(created, updated, rejectedCount, rejected);
        }
    }
}
