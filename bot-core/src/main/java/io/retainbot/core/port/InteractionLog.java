package io.retainbot.core.port;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.customer.Interaction;
import java.time.Instant;
import java.util.List;

/** The append-only log of every message and event between customers and the business. */
public interface InteractionLog {
    /** Appends the entry and returns it with its id. */
    Interaction append(Interaction interaction);

    /** Appends many entries in one statement (a batch of sends' outcomes). */
    void appendAll(List<Interaction> interactions);

    /** A customer's history, newest first. */
    List<Interaction> ofCustomer(long customerId, int limit);

    /** What was said while a complaint was filed, added to or withdrawn, oldest first: its own history. */
    List<Interaction> ofComplaint(long complaintNumber, int limit);

    /** The newest {@code limit} entries of one chat between two times, oldest first. */
    List<Interaction> recentInChat(ChannelRef channel, Instant from, Instant to, int limit);

    /** What was said in one chat between two times, oldest first. */
    List<Interaction> inChat(ChannelRef channel, Instant from, Instant to, int limit);
}
