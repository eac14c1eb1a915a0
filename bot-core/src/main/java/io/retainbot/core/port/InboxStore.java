package io.retainbot.core.port;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import java.time.Instant;

/** The record of inbound events already handled, keyed by platform and the platform's event id. */
public interface InboxStore {
    /**
     * Records the event; false when it was recorded before (then nothing else must be done for it).
     */
    boolean record(Platform platform, String eventId, ChannelRef channel, String kind, Instant receivedAt,
                   Instant handledAt, Outcome outcome);

    boolean contains(Platform platform, String eventId);

    /** Forgets entries handled before {@code cutoff}; returns how many. */
    int purgeHandledBefore(Instant cutoff);

    enum Outcome { HANDLED, FAILED, IGNORED }
}
