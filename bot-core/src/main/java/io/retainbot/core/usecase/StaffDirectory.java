package io.retainbot.core.usecase;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.staff.StaffIdentity;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.usecase.StaffInputs.AddStaff;
import io.retainbot.core.usecase.StaffInputs.ChangeStaff;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff list: who works here, in which role, for which complaint categories, from which chats. A
 * platform user works as one staff member only; categories must be the business's.
 */
public final class StaffDirectory {
    private static final Logger log = LoggerFactory.getLogger(StaffDirectory.class);

    private final Transactor transactor;
    private final BusinessConfig business;
    private final Clock clock;

    public StaffDirectory(Transactor transactor, BusinessConfig business, Clock clock) {
        this.transactor = transactor;
        this.business = business;
        this.clock = clock;
    }

    public List<StaffMember> list(boolean activeOnly) {
        return transactor.inTransaction(session -> session.staff().list(activeOnly));
    }

    public Optional<StaffMember> find(long staffId) {
        return transactor.inTransaction(session -> session.staff().find(staffId));
    }

    public StaffResult add(AddStaff input) {
        knownCategories(input.categories());
        StaffResult result = transactor.inTransaction(session -> {
            for (StaffIdentity identity : input.identities()) {
                Optional<StaffMember> other = session.staff().findByIdentity(identity.platform(), identity.userId());
                if (other.isPresent()) {
                    return taken(identity, other);
                }
            }
            StaffMember added = session.staff().add(input.name(), input.role(), clock.instant());
            session.staff().setCategories(added.id(), input.categories());
            for (StaffIdentity identity : input.identities()) {
                if (!session.staff().link(added.id(), identity)) {
                    // taken by a colleague's request at this very moment: nothing of this one is kept
                    throw new IllegalArgumentException(identity.platform().code() + " user " + identity.userId()
                            + " was just linked to another staff member");
                }
            }
            return new StaffResult.Done(session.staff().find(added.id()).orElseThrow());
        });
        if (result instanceof StaffResult.Done done) {
            log.info("staff member {} added as {}", done.staff().id(), done.staff().role().code());
        }
        return result;
    }

    public StaffResult change(ChangeStaff input) {
        if (input.categories() != null) {
            knownCategories(input.categories());
        }
        return transactor.inTransaction(session -> {
            Optional<StaffMember> found = session.staff().find(input.staffId());
            if (found.isEmpty()) {
                return notFound(input.staffId());
            }
            StaffMember staff = found.get();
            if (input.name() != null || input.role() != null) {
                session.staff().update(staff.id(), input.name() == null ? staff.name() : input.name(),
                        input.role() == null ? staff.role() : input.role());
            }
            if (input.active() != null) {
                session.staff().setActive(staff.id(), input.active());
            }
            if (input.categories() != null) {
                session.staff().setCategories(staff.id(), input.categories());
            }
            return new StaffResult.Done(session.staff().find(staff.id()).orElseThrow());
        });
    }

    /** Links a platform user to the staff member; refused when that user already works as someone else. */
    public StaffResult link(long staffId, StaffIdentity identity) {
        StaffInputs.id(staffId);
        return transactor.inTransaction(session -> {
            if (session.staff().find(staffId).isEmpty()) {
                return notFound(staffId);
            }
            StaffResult refused = link(session, staffId, identity);
            return refused != null ? refused : new StaffResult.Done(session.staff().find(staffId).orElseThrow());
        });
    }

    public StaffResult unlink(long staffId, Platform platform, String userId) {
        StaffInputs.id(staffId);
        return transactor.inTransaction(session -> {
            if (session.staff().find(staffId).isEmpty()) {
                return notFound(staffId);
            }
            if (!session.staff().unlink(staffId, platform, userId)) {
                return new StaffResult.Refused(CareResult.Reason.NOT_FOUND, "staff member " + staffId
                        + " has no " + platform.code() + " user " + userId);
            }
            return new StaffResult.Done(session.staff().find(staffId).orElseThrow());
        });
    }

    private static StaffResult link(StoreSession session, long staffId, StaffIdentity identity) {
        if (session.staff().link(staffId, identity)) {
            return null;
        }
        return taken(identity, session.staff().findByIdentity(identity.platform(), identity.userId()));
    }

    private static StaffResult taken(StaffIdentity identity, Optional<StaffMember> other) {
        return new StaffResult.Refused(CareResult.Reason.CONFLICT, identity.platform().code() + " user "
                + identity.userId() + " already works as " + other.map(member -> member.name() + " (" + member.id()
                + ")").orElse("another staff member"));
    }

    private void knownCategories(Set<String> categories) {
        for (String category : categories) {
            if (business.category(category).isEmpty()) {
                throw new IllegalArgumentException("categories: unknown category " + category + "; the categories are "
                        + String.join(", ", business.categories().stream().map(c -> c.id()).toList()));
            }
        }
    }

    private static StaffResult notFound(long staffId) {
        return new StaffResult.Refused(CareResult.Reason.NOT_FOUND, "no staff member " + staffId);
    }
}
