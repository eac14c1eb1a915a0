package io.retainbot.core.store;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.flow.Conversation;
import io.retainbot.core.flow.FlowData;
import io.retainbot.core.port.ConversationStore;
import java.time.Instant;
import java.util.Optional;

final class JdbiConversationStore implements ConversationStore {
    private final ConversationDao dao;

    JdbiConversationStore(ConversationDao dao) {
        this.dao = dao;
    }

    @Override
    public Conversation lock(ChannelRef channel, Instant now) {
        dao.insertIdle(channel.platform().code(), channel.chatId(), now);
        return toConversation(dao.selectForUpdate(channel.platform().code(), channel.chatId()));
    }

    @Override
    public Optional<Conversation> find(ChannelRef channel) {
        return dao.find(channel.platform().code(), channel.chatId()).map(JdbiConversationStore::toConversation);
    }

    @Override
    public void save(Conversation conversation) {
        dao.update(new ConversationDao.Row(conversation.channel().platform().code(), conversation.channel().chatId(),
                conversation.customerId(), conversation.flow(), conversation.state(), Json.write(conversation.data()),
                conversation.handedOverAt(), conversation.startedAt(), conversation.updatedAt()));
    }

    private static Conversation toConversation(ConversationDao.Row row) {
        return new Conversation(new ChannelRef(Platform.fromCode(row.platform()), row.chatId()), row.customerId(),
                row.flow(), row.state(), Json.read(row.data(), FlowData.class), row.handedOverAt(), row.startedAt(),
                row.updatedAt());
    }
}
