package io.retainbot.core.store;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.port.InboxStore;
import java.time.Instant;
import java.util.Locale;

final class JdbiInboxStore implements InboxStore {
    private final InboxDao dao;

    JdbiInboxStore(InboxDao dao) {
        this.dao = dao;
    }

    @Override
    public boolean record(Platform platform, String eventId, ChannelRef channel, String kind, Instant receivedAt,
                          Instant handledAt, Outcome outcome) {
        return dao.insert(platform.code(), eventId, channel.chatId(), kind, receivedAt, handledAt,
                outcome.name().toLowerCase(Locale.ROOT)) == 1;
    }

    @Override
    public boolean contains(Platform platform, String eventId) {
        return dao.exists(platform.code(), eventId);
    }

    @Override
    public int purgeHandledBefore(Instant cutoff) {
        return dao.deleteHandledBefore(cutoff);
    }
}
