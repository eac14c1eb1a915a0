package io.retainbot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.FileRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.outbox.OutboxDispatcher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chat test that reads like the chat: the user writes or presses, the bot answers.
 * <pre>
 * chat.user("/complaint").botAsks("What is it about?", "Delivery", "Product")
 *     .press("Delivery").botSaysContaining("describe");
 * </pre>
 * Every user action goes through the real engine, and the outbox is sent through the real
 * dispatcher to a {@link RecordingGateway}, before the next line runs.
 */
public final class ChatTranscript {
    private static final AtomicLong EVENT_IDS = new AtomicLong();

    private final EventSink engine;
    private final OutboxDispatcher dispatcher;
    private final RecordingGateway gateway;
    private final ChannelRef channel;
    private final Sender sender;
    private final Clock clock;
    private int read;
    private OutboundMessage lastWithButtons;
    private String lastMessageId = "";

    public ChatTranscript(EventSink engine, OutboxDispatcher dispatcher, RecordingGateway gateway, ChannelRef channel,
                          Sender sender, Clock clock) {
        this.engine = engine;
        this.dispatcher = dispatcher;
        this.gateway = gateway;
        this.channel = channel;
        this.sender = sender;
        this.clock = clock;
    }

    /** The user types {@code text}; a leading slash makes it a command. */
    public ChatTranscript user(String text) {
        if (text.startsWith("/")) {
            String[] parts = text.substring(1).split("\\s+", 2);
            return send(new InboundEvent.CommandReceived(channel, sender, nextId(), clock.instant(), parts[0],
                    parts.length > 1 ? parts[1] : ""));
        }
        return send(new InboundEvent.TextReceived(channel, sender, nextId(), clock.instant(), text));
    }

    /** The user presses the button labelled {@code label} on the bot's latest message with buttons. */
    public ChatTranscript press(String label) {
        assertThat(lastWithButtons).as("a bot message with buttons to press '%s' on", label).isNotNull();
        Button button = lastWithButtons.buttons().stream().flatMap(List::stream)
                .filter(candidate -> candidate.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + labels(lastWithButtons)));
        return pressData(button.data());
    }

    /** The user presses a button with this data (possibly from an old message, possibly forged). */
    public ChatTranscript pressData(String data) {
        return send(new InboundEvent.ButtonPressed(channel, sender, nextId(), clock.instant(), data, lastMessageId));
    }

    public ChatTranscript sendFiles(String caption, FileRef... files) {
        return send(new InboundEvent.AttachmentReceived(channel, sender, nextId(), clock.instant(), List.of(files), caption));
    }

    public ChatTranscript submitForm(String formId, Map<String, String> fields) {
        return send(new InboundEvent.FormSubmitted(channel, sender, nextId(), clock.instant(), formId, fields));
    }

    /** Any event, as an adapter would hand it over. */
    public ChatTranscript send(InboundEvent event) {
        engine.accept(event);
        drainOutbox();
        return this;
    }

    public ChatTranscript botSays(String text) {
        assertThat(next().text()).isEqualTo(text);
        return this;
    }

    public ChatTranscript botSaysContaining(String... parts) {
        String text = next().text();
        for (String part : parts) {
            assertThat(text).contains(part);
        }
        return this;
    }

    public ChatTranscript botSaysMatching(String regex) {
        assertThat(next().text()).matches("(?s)" + regex);
        return this;
    }

    /** The next bot message contains {@code part} and offers exactly these buttons, in order. */
    public ChatTranscript botAsks(String part, String... buttonLabels) {
        OutboundMessage message = next();
        assertThat(message.text()).contains(part);
        assertThat(labels(message)).containsExactly(buttonLabels);
        return this;
    }

    /** The next bot message offers buttons with these labels (among others). */
    public ChatTranscript botOffers(String... buttonLabels) {
        assertThat(labels(next())).contains(buttonLabels);
        return this;
    }

    public ChatTranscript botSaysNothingMore() {
        assertThat(unread()).isEmpty();
        return this;
    }

    /** Skips the bot messages not yet read. */
    public ChatTranscript skipUnread() {
        read = delivered().size();
        return this;
    }

    public String lastText() {
        List<OutboundMessage> all = delivered();
        return all.isEmpty() ? "" : all.get(all.size() - 1).text();
    }

    public List<OutboundMessage> unread() {
        List<OutboundMessage> all = delivered();
        return List.copyOf(all.subList(Math.min(read, all.size()), all.size()));
    }

    private OutboundMessage next() {
        List<OutboundMessage> all = delivered();
        assertThat(all.size()).as("bot messages so far: %s", texts(all)).isGreaterThan(read);
        OutboundMessage message = all.get(read++);
        return message;
    }

    private List<OutboundMessage> delivered() {
        return gateway.deliveredTo(channel);
    }

    private void drainOutbox() {
        for (int round = 0; round < 100; round++) {
            if (dispatcher.dispatchDue() == 0 && dispatcher.isQuiet()) {
                break;
            }
        }
        for (OutboundMessage message : delivered()) {
            if (!message.buttons().isEmpty()) {
                lastWithButtons = message;
            }
        }
        List<RecordingGateway.Sent> sent = gateway.sent();
        if (!sent.isEmpty() && sent.get(sent.size() - 1).outcome()
                instanceof io.retainbot.core.chat.SendOutcome.Delivered delivered) {
            lastMessageId = delivered.messageId();
        }
    }

    private static List<String> labels(OutboundMessage message) {
        List<String> labels = new ArrayList<>();
        message.buttons().forEach(row -> row.forEach(button -> labels.add(button.label())));
        return labels;
    }

    private static List<String> texts(List<OutboundMessage> messages) {
        return messages.stream().map(OutboundMessage::text).toList();
    }

    private static String nextId() {
        return "evt-" + EVENT_IDS.incrementAndGet();
    }
}
