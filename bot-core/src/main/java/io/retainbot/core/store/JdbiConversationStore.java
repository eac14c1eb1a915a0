package io.retainbot.core.store;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.flow.Conversation;
import io.retainbot.core.flow.FlowData;
import io.retainbot.core.port.ConversationStore;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JdbiConversationStore implements ConversationStore {
    /** Button labels as [data, label] pairs, oldest first: jsonb keeps the order of arrays, not of object keys. */
    private static final TypeReference<List<List<String>>> LABELS = new TypeReference<>() {
    };

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
                conversation.handedOverAt(), conversation.startedAt(), conversation.updatedAt(),
                conversation.consentAskedAt(), Json.write(conversation.offeredButtons().entrySet().stream()
                        .map(entry -> List.of(entry.getKey(), entry.getValue())).toList())));
    }

    private static Conversation toConversation(ConversationDao.Row row) {
        return new Conversation(new ChannelRef(Platform.fromCode(row.platform()), row.chatId()), row.customerId(),
                row.flow(), row.state(), Json.read(row.data(), FlowData.class), row.handedOverAt(), row.startedAt(),
                row.updatedAt(), row.consentAskedAt(), labels(row.offeredButtons()));
    }

    private static Map<String, String> labels(String json) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (List<String> pair : Json.read(json, LABELS)) {
            if (pair.size() == 2) {
                labels.put(pair.get(0), pair.get(1));
            }
        }
        return labels;
    }
}
