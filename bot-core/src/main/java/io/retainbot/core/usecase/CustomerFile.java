package io.retainbot.core.usecase;

import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.customer.AccountReview;
import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.customer.CheckIn;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerEdited;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.CustomerQuery;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.customer.StageChange;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.port.CustomerRecords;
import io.retainbot.core.port.OwnershipStore.OwnerChange;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.staff.StaffMember;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The customer file as staff use it: find customers (name, phone, tag, tier, owner), read one with the
 * chats they are reached on and who looks after them (and who did before), edit the handbook's fields,
 * tag them (each change recorded with who made it), and read their whole history in one call. Who is responsible changes only through
 * {@link Ownership}, so that every change is recorded.
 */
public final class CustomerFile {
    /** How much of each part of the history one call returns. */
    public static final int HISTORY_LIMIT = 200;

    private final Transactor transactor;
    private final Reactions reactions;
    private final Clock clock;

    /** A file whose changes are recorded as {@link CustomerEdited} events that nothing reacts to. */
    public CustomerFile(Transactor transactor, Clock clock) {
        this(transactor, Reactions.none(), clock);
    }

    public CustomerFile(Transactor transactor, Reactions reactions, Clock clock) {
        this.transactor = transactor;
        this.reactions = reactions;
        this.clock = clock;
    }

    /** A customer with the chats they are reached on, their responsible staff member and its changes. */
    public record Card(Customer customer, List<ChannelIdentity> identities, Optional<StaffMember> owner,
                       List<OwnerChange> ownerChanges) {
    }

    /**
     * Everything between the customer and the business, newest first in each part (the stage changes oldest
     * first, as the stage went).
     */
    public record History(Customer customer, List<Interaction> messages, List<Complaint> complaints,
                          List<CustomerRecords.Outreach> greetings, List<CustomerRecords.Score> scores,
                          List<CheckIn> checkIns, List<AccountReview> reviews, List<StageChange> stageChanges) {
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
        return edit(customerId, change, Actor.admin());
    }

    /** {@link #edit(long, UnaryOperator)} by {@code actor}, recorded with the names of the fields that changed. */
    public Optional<Customer> edit(long customerId, UnaryOperator<CustomerProfile.Builder> change, Actor actor) {
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
            Instant now = clock.instant();
            List<String> changed = changedFields(current, edited);
            if (!changed.isEmpty()) {
                reactions.record(session, new CustomerEdited(customerId, changed, actor.staffId(), now), now);
            }
            return session.customers().update(customerId, edited, now);
        });
    }

    /** The names of the profile's fields whose values differ, in the profile's order. */
    private static List<String> changedFields(CustomerProfile before, CustomerProfile after) {
        List<String> changed = new java.util.ArrayList<>();
        for (RecordComponent component : CustomerProfile.class.getRecordComponents()) {
            try {
                if (!Objects.equals(component.getAccessor().invoke(before), component.getAccessor().invoke(after))) {
                    changed.add(component.getName());
                }
            } catch (ReflectiveOperationException unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }
        return changed;
    }

    /** Adds or removes a tag; empty when there is no such customer. */
    public Optional<Customer> tag(long customerId, Tag tag, boolean add) {
        return tag(customerId, tag, add, Actor.admin());
    }

    /** {@link #tag(long, Tag, boolean)} by {@code actor}, recorded when it changed something. */
    public Optional<Customer> tag(long customerId, Tag tag, boolean add, Actor actor) {
        return transactor.inTransaction(session -> {
            if (session.customers().find(customerId).isEmpty()) {
                return Optional.<Customer>empty();
            }
            boolean changed = add ? session.customers().addTag(customerId, tag)
                    : session.customers().removeTag(customerId, tag);
            if (changed) {
                Instant now = clock.instant();
                reactions.record(session, new CustomerEdited(customerId, List.of("tag " + (add ? "+" : "-")
                        + tag.name()), actor.staffId(), now), now);
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
                    session.checkIns().ofCustomer(customerId, HISTORY_LIMIT),
                    session.reviews().ofCustomer(customerId, HISTORY_LIMIT),
                    session.sales().stageHistory(customerId)));
        });
    }
}
