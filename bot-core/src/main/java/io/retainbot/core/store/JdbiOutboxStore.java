package io.retainbot.core.store;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.outbox.Lane;
import io.retainbot.core.outbox.OutboxEntry;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.OutboxStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

final class JdbiOutboxStore implements OutboxStore {
    private static final int MAX_ERROR_LENGTH = 1000;
    private final OutboxDao dao;

    JdbiOutboxStore(OutboxDao dao) {
        this.dao = dao;
    }

    @Override
    public Optional<Long> enqueue(OutboxItem item) {
        return dao.insert(item.channel().platform().code(), item.channel().chatId(), item.lane().ordinal(),
                Json.write(item.message()), item.customerId(), item.dedupeKey(), item.notBefore(), item.notBefore(),
                item.complaintNumber());
    }

    @Override
    public List<OutboxEntry> dueHeads(Instant now, int limit) {
        return dao.dueHeads(now, limit).stream().map(JdbiOutboxStore::toEntry).toList();
    }

    @Override
    public List<Long> claim(Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return dao.claim(ids, now);
    }

    @Override
    public void markDelivered(long id, String platformMessageId, Instant at) {
        dao.delivered(id, platformMessageId, at);
    }

    @Override
    public void markFailed(long id, String error, Instant at) {
        dao.finish(id, "failed", bounded(error), at);
    }

    @Override
    public void markUnreachable(long id, String reason, Instant at) {
        dao.finish(id, "unreachable", bounded(reason), at);
        String[] chat = dao.chatOf(id).split(" ", 2);
        dao.skipPending(chat[0], chat[1], "recipient unreachable: " + bounded(reason), at);
    }

    @Override
    public void retryLater(long id, Instant notBefore, String error, boolean countAttempt) {
        dao.putBack(id, notBefore, bounded(error), countAttempt);
        dao.holdChat(id, notBefore);
    }

    @Override
    public int releaseStale(Instant claimedBefore) {
        return dao.releaseStale(claimedBefore);
    }

    @Override
    public Optional<Instant> nextDue() {
        return dao.nextDue();
    }

    @Override
    public int skipPending(ChannelRef channel, String reason, Instant at) {
        return dao.skipPending(channel.platform().code(), channel.chatId(), bounded(reason), at);
    }

    @Override
    public long countPending() {
        return dao.countPending();
    }

    private static OutboxEntry toEntry(OutboxDao.Row row) {
        return new OutboxEntry(row.id(), new ChannelRef(Platform.fromCode(row.platform()), row.chatId()),
                Lane.values()[row.lane()], Json.read(row.message(), OutboundMessage.class), row.customerId(),
                row.attempts(), row.notBefore(), row.createdAt(), row.complaintNumber());
    }

    private static String bounded(String text) {
        String safe = TextSanitizer.withoutNul(text == null ? "" : text);
        return safe.length() <= MAX_ERROR_LENGTH ? safe : safe.substring(0, MAX_ERROR_LENGTH);
    }
}
