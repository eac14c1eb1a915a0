package io.retainbot.core.store;

import static io.retainbot.core.store.TextSanitizer.withoutNul;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.port.InteractionLog;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

final class JdbiInteractionLog implements InteractionLog {
    static final String APPEND = """
            insert into interaction (customer_id, platform, chat_id, direction, kind, platform_message_id, summary,
                                     occurred_at, complaint_number)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            returning id
            """;

    static final String APPEND_ALL = """
            insert into interaction (customer_id, platform, chat_id, direction, kind, platform_message_id, summary,
                                     occurred_at, complaint_number)
            select * from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                 cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                 cast(cast(? as text[]) as timestamptz[]), cast(? as bigint[]))
            """;

    private final JdbcStatements statements;
    private final Supplier<InteractionDao> dao;

    JdbiInteractionLog(JdbcStatements statements, Supplier<InteractionDao> dao) {
        this.statements = statements;
        this.dao = dao;
    }

    @Override
    public Interaction append(Interaction interaction) {
        long id = statements.first(APPEND, row -> row.getLong(1), interaction.customerId(),
                        interaction.channel().platform().code(), interaction.channel().chatId(),
                        interaction.direction().code(), interaction.kind(),
                        withoutNul(interaction.platformMessageId()), withoutNul(interaction.summary()),
                        interaction.occurredAt(), interaction.complaintNumber())
                .orElseThrow(() -> new IllegalStateException("the interaction insert answered no id"));
        return new Interaction(id, interaction.customerId(), interaction.channel(), interaction.direction(),
                interaction.kind(), interaction.platformMessageId(), interaction.summary(), interaction.occurredAt(),
                interaction.complaintNumber());
    }

    @Override
    public void appendAll(List<Interaction> interactions) {
        int size = interactions.size();
        if (size == 0) {
            return;
        }
        Long[] customers = new Long[size];
        String[] platforms = new String[size];
        String[] chats = new String[size];
        String[] directions = new String[size];
        String[] kinds = new String[size];
        String[] messageIds = new String[size];
        String[] summaries = new String[size];
        String[] times = new String[size];
        Long[] complaints = new Long[size];
        for (int i = 0; i < size; i++) {
            Interaction interaction = interactions.get(i);
            customers[i] = interaction.customerId();
            platforms[i] = interaction.channel().platform().code();
            chats[i] = interaction.channel().chatId();
            directions[i] = interaction.direction().code();
            kinds[i] = interaction.kind();
            messageIds[i] = withoutNul(interaction.platformMessageId());
            summaries[i] = withoutNul(interaction.summary());
            times[i] = interaction.occurredAt().toString();
            complaints[i] = interaction.complaintNumber();
        }
        statements.update(APPEND_ALL, customers, platforms, chats, directions, kinds, messageIds, summaries, times,
                complaints);
    }

    @Override
    public List<Interaction> ofCustomer(long customerId, int limit) {
        return dao.get().ofCustomer(customerId, limit).stream().map(JdbiInteractionLog::toInteraction).toList();
    }

    @Override
    public List<Interaction> ofComplaint(long complaintNumber, int limit) {
        return dao.get().ofComplaint(complaintNumber, limit).stream().map(JdbiInteractionLog::toInteraction).toList();
    }

    @Override
    public List<Interaction> recentInChat(ChannelRef channel, Instant from, Instant to, int limit) {
        return dao.get().recentInChat(channel.platform().code(), channel.chatId(), from, to, limit).stream()
                .map(JdbiInteractionLog::toInteraction).toList();
    }

    @Override
    public List<Interaction> inChat(ChannelRef channel, Instant from, Instant to, int limit) {
        return dao.get().inChat(channel.platform().code(), channel.chatId(), from, to, limit).stream()
                .map(JdbiInteractionLog::toInteraction).toList();
    }

    private static Interaction toInteraction(InteractionDao.Row row) {
        return new Interaction(row.id(), row.customerId(), new ChannelRef(Platform.fromCode(row.platform()), row.chatId()),
                Interaction.Direction.valueOf(row.direction().toUpperCase(Locale.ROOT)), row.kind(),
                row.platformMessageId(), row.summary(), row.occurredAt(), row.complaintNumber());
    }
}
