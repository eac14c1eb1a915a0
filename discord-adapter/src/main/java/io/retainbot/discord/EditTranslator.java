package io.retainbot.discord;

import io.retainbot.core.conversation.ChannelRef;
import io.retainbot.core.conversation.InboundEvent;
import java.time.Clock;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;

/**
 * A user changed one of their messages: recorded as an edit (never re-run). The event id names the
 * message and the edit time, so each edit counts once however often the gateway repeats it.
 */
final class EditTranslator {
    private final StaffScope staff;
    private final Clock clock;

    EditTranslator(StaffScope staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    Optional<InboundEvent> translate(MessageUpdateEvent event) {
        Message message = event.getMessage();
        User author = event.getAuthor();
        if (author.isBot() || author.isSystem() || message.isWebhookMessage()) {
            return Optional.empty();
        }
        Optional<ChannelRef> channel = event.isFromType(ChannelType.PRIVATE)
                ? Optional.of(new DiscordAddress.DirectMessage(author.getIdLong()).ref())
                : staff.refFor(event.getChannel());
        long editedAt = message.getTimeEdited() == null ? clock.millis() : message.getTimeEdited().toInstant().toEpochMilli();
        return channel.map(ref -> new InboundEvent.MessageEdited(ref, Senders.of(author),
                "edit:" + message.getId() + ":" + editedAt, clock.instant(), message.getId(), message.getContentRaw()));
    }
}
