package io.retainbot.core.store;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.port.StaffPostStore;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class JdbiStaffPostStore implements StaffPostStore {
    private final StaffPostDao dao;

    JdbiStaffPostStore(StaffPostDao dao) {
        this.dao = dao;
    }

    @Override
    public void record(long outboxId, ChannelRef chat, Kind kind, Long complaintId, Long handoverId, Instant at) {
        dao.insert(outboxId, chat.platform().code(), chat.chatId(), kind.name().toLowerCase(Locale.ROOT), complaintId,
                handoverId, at);
    }

    @Override
    public Optional<Post> findSent(ChannelRef chat, String platformMessageId) {
        if (platformMessageId == null || platformMessageId.isBlank()) {
            return Optional.empty();
        }
        return dao.findSent(chat.platform().code(), chat.chatId(), platformMessageId).map(JdbiStaffPostStore::toPost);
    }

    @Override
    public List<Post> complaintPings(long complaintId) {
        return dao.complaintPings(complaintId).stream().map(JdbiStaffPostStore::toPost).toList();
    }

    @Override
    public List<Post> handoverPings(long handoverId) {
        return dao.handoverPings(handoverId).stream().map(JdbiStaffPostStore::toPost).toList();
    }

    @Override
    public List<Post> aboutCustomer(long customerId) {
        return dao.aboutCustomer(customerId).stream().map(JdbiStaffPostStore::toPost).toList();
    }

    @Override
    public boolean unsent(long outboxId) {
        return dao.unsent(outboxId);
    }

    private static Post toPost(StaffPostDao.PostRow row) {
        return new Post(row.outboxId(), new ChannelRef(Platform.fromCode(row.platform()), row.chatId()),
                Kind.valueOf(row.kind().toUpperCase(Locale.ROOT)), row.complaintId(), row.handoverId(),
                row.platformMessageId());
    }
}
