package io.retainbot.app.web;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.outbox.Pacing;
import io.retainbot.core.port.ChatGateway;
import io.retainbot.core.port.StoreException;
import io.retainbot.core.port.WebChatStore;
import java.time.Clock;
import java.time.Duration;

/** "Sends" to a web visitor by storing the message where their chat page reads it. */
public final class WebChatGateway implements ChatGateway {
    private static final Pacing PACING = new Pacing(50, Duration.ofMillis(20));

    private final WebChatStore store;
    private final Clock clock;

    public WebChatGateway(WebChatStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.WEB;
    }

    @Override
    public SendOutcome send(ChannelRef channel, OutboundMessage message) {
        try {
            long id = store.append(channel.chatId(), message, clock.instant());
            return new SendOutcome.Delivered(String.valueOf(id));
        } catch (StoreException e) {
            return new SendOutcome.Failed("web chat store: " + e.getMessage(), true);
        }
    }

    @Override
    public Pacing pacing(ChannelRef channel) {
        return PACING;
    }

    @Override
    public double bulkPerSecond() {
        return 500;
    }

    /** The chat page shows a text's photo above its buttons. */
    @Override
    public boolean takesPhotos() {
        return true;
    }
}
