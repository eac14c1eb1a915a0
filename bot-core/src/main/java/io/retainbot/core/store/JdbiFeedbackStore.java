package io.retainbot.core.store;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.feedback.HandoverMessage;
import io.retainbot.core.feedback.HandoverRequest;
import io.retainbot.core.feedback.Suggestion;
import io.retainbot.core.port.FeedbackStore;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

final class JdbiFeedbackStore implements FeedbackStore {
    private final FeedbackDao dao;

    JdbiFeedbackStore(FeedbackDao dao) {
        this.dao = dao;
    }

    @Override
    public Suggestion suggest(long customerId, ChannelRef channel, String text, Instant at) {
        return toSuggestion(dao.insertSuggestion(customerId, channel.platform().code(), channel.chatId(),
                TextSanitizer.withoutNul(text), at));
    }

    @Override
    public List<Suggestion> suggestions(int limit, int offset) {
        return dao.suggestions(limit, offset).stream().map(JdbiFeedbackStore::toSuggestion).toList();
    }

    @Override
    public HandoverRequest requestHandover(long customerId, ChannelRef channel, Instant at) {
        FeedbackDao.HandoverRow row = dao.openHandover(customerId, channel.platform().code(), channel.chatId())
                .orElseGet(() -> dao.insertHandover(customerId, channel.platform().code(), channel.chatId(), at));
        return toHandover(row);
    }

    @Override
    public List<HandoverRequest> openHandovers(int limit, int offset) {
        return dao.openHandovers(limit, offset).stream().map(JdbiFeedbackStore::toHandover).toList();
    }

    @Override
    public List<HandoverRequest> activeHandovers(int limit) {
        return dao.activeHandovers(limit).stream().map(JdbiFeedbackStore::toHandover).toList();
    }

    @Override
    public int openHandoverCount() {
        return dao.openHandoverCount();
    }

    @Override
    public boolean cancelHandover(long customerId, ChannelRef channel, Instant at) {
        return dao.cancelHandover(customerId, channel.platform().code(), channel.chatId(), at) > 0;
    }

    @Override
    public Optional<HandoverRequest> findHandover(long requestId) {
        return dao.findHandover(requestId).map(JdbiFeedbackStore::toHandover);
    }

    @Override
    public boolean takeHandover(long requestId, long staffId, Instant at) {
        return dao.takeHandover(requestId, staffId, at) == 1;
    }

    @Override
    public boolean closeHandover(long requestId, Instant at) {
        return dao.closeHandover(requestId, at) == 1;
    }

    @Override
    public List<HandoverRequest> handoversTakenBy(long staffId) {
        return dao.takenBy(staffId).stream().map(JdbiFeedbackStore::toHandover).toList();
    }

    @Override
    public Optional<HandoverRequest> activeHandover(ChannelRef channel) {
        return dao.activeIn(channel.platform().code(), channel.chatId()).map(JdbiFeedbackStore::toHandover);
    }

    @Override
    public void keepHandoverMessage(HandoverMessage message) {
        dao.insertHandoverMessage(message.requestId(), message.staffId(), TextSanitizer.withoutNul(message.text()),
                message.photos().stream().map(Photo::identity).toArray(String[]::new),
                TextSanitizer.withoutNul(message.sentText()), message.occurredAt());
    }

    @Override
    public List<HandoverMessage> handoverMessages(long requestId, int limit) {
        return dao.handoverMessages(requestId, limit).stream().map(JdbiFeedbackStore::toMessage).toList();
    }

    @Override
    public Optional<HandoverMessage> findHandoverMessage(long requestId, long messageId) {
        return dao.handoverMessage(requestId, messageId).map(JdbiFeedbackStore::toMessage);
    }

    private static HandoverMessage toMessage(FeedbackDao.HandoverMessageRow row) {
        return new HandoverMessage(row.id(), row.requestId(), row.staffId(), row.text(),
                Arrays.stream(row.photos()).map(Photo::fromIdentity).toList(), row.sentText(), row.occurredAt());
    }

    private static Suggestion toSuggestion(FeedbackDao.SuggestionRow row) {
        return new Suggestion(row.id(), row.customerId(), new ChannelRef(Platform.fromCode(row.platform()), row.chatId()),
                row.text(), row.createdAt());
    }

    private static HandoverRequest toHandover(FeedbackDao.HandoverRow row) {
        return new HandoverRequest(row.id(), row.customerId(),
                new ChannelRef(Platform.fromCode(row.platform()), row.chatId()), row.status(), row.createdAt(),
                row.takenByStaffId(), row.takenAt(), row.closedAt());
    }
}
