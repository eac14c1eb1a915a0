package io.retainbot.core.reaction;

import io.retainbot.core.customer.Erasure;
import io.retainbot.core.customer.ErasureRequested;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.port.StoreSession;
import java.time.Instant;

/**
 * The customer confirmed {@code /forget}: right after that turn committed (so the turn's own messages are
 * erased too), their data is erased, and the posts about them in the staff chats say so instead of their words. Running it twice erases what arrived in between and records it again.
 */
public final class EraseOnRequest implements Reaction {
    public static final String NAME = "erase_on_request";

    private final StaffChats staffChats;

    /** @param staffChats where the posts about the customer are edited to say their data was erased */
    public EraseOnRequest(StaffChats staffChats) {
        this.staffChats = staffChats;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reactsTo(DomainEvent event) {
        return event instanceof ErasureRequested;
    }

    @Override
    public void react(StoreSession session, RecordedEvent recorded, Instant now, Reactions reactions) {
        session.personalData().erase(Erasure.byCustomer(recorded.event().customerId(),
                recorded.event().occurredAt()), now);
        staffChats.showErased(session, recorded.event().customerId(), now);
    }
}
