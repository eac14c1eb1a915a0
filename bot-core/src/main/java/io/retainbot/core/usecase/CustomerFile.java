package io.retainbot.core.usecase;

import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.customer.CheckIn;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.CustomerQuery;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.port.CustomerRecords;
import io.retainbot.core.port.OwnershipStore.OwnerChange;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.staff.StaffMember;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The customer file as staff use it: find customers (name, phone, tag, tier, owner), read one with the
 * chats they are reached on and who looks after them (and who did before), edit the handbook's fields,
 * tag them, and read their whole history in one call. Who is responsible changes only through
 * {@link Ownership}, so that every change is recorded.
 */
public final class CustomerFile {
    /** How much of each part of the history one call returns. */
    public static final int HISTORY_LIMIT = 200;

    private final Transactor transactor;
    private final Clock clock;

    public CustomerFile(Transactor transactor, Clock clock) {
        this.transactor = transactor;
        this.clock = clock;
    }

    /** A customer with the chats they are reached on, their responsible staff member and its changes. */
    public record Card(Customer customer, List<ChannelIdentity> identities, Optional<StaffMember> owner,
                       List<OwnerChange> ownerChanges) {
    }

    /** Everything between the customer and the business, newest first in each part. */
    public record History(Customer customer, List<Interaction> messages, List<Complaint> complaints,
                          List<CustomerRecords.Outreach> greetings, List<CustomerRecords.Score> scores,
                          List<CheckIn> checkIns) {
    }

    public List<Customer> search(CustomerQuery query) {
        return transactor.inTransaction(session -> session.customers().search(query));
    }

    public Optional<Card> card(long customerId) {
        return transactor.inTransaction(session -> {
            Optional<Customer> found = session.customers().find(customerId);
            if (found.isEmpty()) {
                return Optional.<Card>empty();
            }
            Long ownerId = found.get().profile().responsibleStaffId();
            Optional<StaffMember> owner = ownerId == null ? Optional.empty() : session.staff().find(ownerId);
            return Optional.of(new Card(found.get(), session.customers().identities(customerId), owner,
                    session.ownership().changes(customerId)));
        });
    }

    /**
     * Changes the handbook's fields; the responsible staff member stays (use {@link Ownership}). An invalid
     * value throws IllegalArgumentException naming the field, and nothing is changed.
     */
    public Optional<Customer> edit(long customerId, UnaryOperator<CustomerProfile.Builder> change) {
        return transactor.inTransaction(session -> {
            Optional<Customer> found = session.customers().find(customerId);
            if (found.isEmpty()) {
                return Optional.<Customer>empty();
            }
            CustomerProfile current = found.get().profile();
            CustomerProfile edited = change.apply(current.toBuilder()).responsibleStaffId(current.responsibleStaffId())
                    .build();
            if (edited.introducerId() != null && !edited.introducerId().equals(current.introducerId())
                    && session.customers().find(edited.introducerId()).isEmpty()) {
                throw new IllegalArgumentException("introducerId: no customer " + edited.introducerId());
            }
            return session.customers().update(customerId, edited, clock.instant());
        });
    }

    /** Adds or removes a tag; empty when there is no such customer. */
    public Optional<Customer> tag(long customerId, Tag tag, boolean add) {
        return transactor.inTransaction(session -> {
            if (session.customers().find(customerId).isEmpty()) {
                return Optional.<Customer>empty();
            }
            if (add) {
                session.customers().addTag(customerId, tag);
            } else {
                session.customers().removeTag(customerId, tag);
            }
            return session.customers().find(customerId);
        });
    }

    public Optional<History> history(long customerId) {
        return transactor.inTransaction(session -> {
            Optional<Customer> found = session.customers().find(customerId);
            if (found.isEmpty()) {
                return Optional.<History>empty();
            }
            return Optional.of(new History(found.get(),
                    session.interactions().ofCustomer(customerId, HISTORY_LIMIT),
                    session.complaints().forCustomer(customerId, HISTORY_LIMIT),
                    session.customerRecords().outreach(customerId, HISTORY_LIMIT),
                    session.customerRecords().scores(customerId, HISTORY_LIMIT),
                    session.checkIns().ofCustomer(customerId, HISTORY_LIMIT)));
        });
    }
}
