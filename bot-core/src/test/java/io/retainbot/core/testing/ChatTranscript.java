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

    public ChatTranscript(EventSink engine, OutboxDispatcher dispatcher, RecordingGateway gateway, ChannelRef channel,
                          Sender sender, Clock clock) {
        this.engine = engine;
        this.dispatcher = dispatcher;
        this.gateway = gateway;
        this.channel = channel;
        this.sender = sender;
        this.clock = clock;
    }

    /** The chat this transcript reads. */
    public ChannelRef channel() {
        return channel;
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
        RecordingGateway.Sent carrier = latestWithButtons();
        assertThat(carrier).as("a bot message with buttons to press '%s' on", label).isNotNull();
        Button button = carrier.message().buttons().stream().flatMap(List::stream)
                .filter(candidate -> candidate.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + labels(carrier.message())));
        String messageId = carrier.message() instanceof OutboundMessage.Edit edit ? edit.messageId()
                : ((io.retainbot.core.chat.SendOutcome.Delivered) carrier.outcome()).messageId();
        return send(new InboundEvent.ButtonPressed(channel, sender, nextId(), clock.instant(), button.data(), messageId));
    }

    /**
     * The user presses the button labelled {@code label} on the newest bot message (or edit) here containing
     * {@code containing}: a button of an earlier message than the latest.
     */
    public ChatTranscript pressOn(String containing, String label) {
        List<RecordingGateway.Sent> sent = gateway.sent();
        for (int i = sent.size() - 1; i >= 0; i--) {
            RecordingGateway.Sent each = sent.get(i);
            if (each.channel().equals(channel) && each.message().text().contains(containing)
                    && each.outcome() instanceof io.retainbot.core.chat.SendOutcome.Delivered delivered) {
                Button button = each.message().buttons().stream().flatMap(List::stream)
                        .filter(candidate -> candidate.label().equals(label)).findFirst()
                        .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + labels(each.message())));
                String messageId = each.message() instanceof OutboundMessage.Edit edit ? edit.messageId()
                        : delivered.messageId();
                return send(new InboundEvent.ButtonPressed(channel, sender, nextId(), clock.instant(), button.data(),
                        messageId));
            }
        }
        throw new AssertionError("no message containing '" + containing + "' in " + texts(delivered()));
    }

    /** The user presses a button with this data (possibly from an old message, possibly forged). */
    public ChatTranscript pressData(String data) {
        RecordingGateway.Sent carrier = latestWithButtons();
        String messageId = carrier == null ? "" : carrier.message() instanceof OutboundMessage.Edit edit
                ? edit.messageId() : ((io.retainbot.core.chat.SendOutcome.Delivered) carrier.outcome()).messageId();
        return send(new InboundEvent.ButtonPressed(channel, sender, nextId(), clock.instant(), data, messageId));
    }

    /** The newest message with buttons the bot delivered to this chat, null when none. */
    private RecordingGateway.Sent latestWithButtons() {
        List<RecordingGateway.Sent> sent = gateway.sent();
        for (int i = sent.size() - 1; i >= 0; i--) {
            RecordingGateway.Sent each = sent.get(i);
            if (each.channel().equals(channel) && !each.message().buttons().isEmpty()
                    && each.outcome() instanceof io.retainbot.core.chat.SendOutcome.Delivered) {
                return each;
            }
        }
        return null;
    }

    /**
     * The user answers the bot's message containing {@code containing} (a Telegram reply; in a Discord
     * thread the same event): a leading slash makes it a command.
     */
    public ChatTranscript replyTo(String containing, String text) {
        String messageId = messageIdOf(containing);
        if (text.startsWith("/")) {
            String[] parts = text.substring(1).split("\\s+", 2);
            return send(new InboundEvent.CommandReceived(channel, sender, nextId(), clock.instant(), parts[0],
                    parts.length > 1 ? parts[1] : "", messageId));
        }
        return send(new InboundEvent.TextReceived(channel, sender, nextId(), clock.instant(), text, messageId));
    }

    /** The platform id of the newest message (not an edit) the bot sent here containing {@code containing}. */
    public String messageIdOf(String containing) {
        List<RecordingGateway.Sent> sent = gateway.sent();
        for (int i = sent.size() - 1; i >= 0; i--) {
            RecordingGateway.Sent each = sent.get(i);
            if (each.channel().equals(channel) && each.message() instanceof OutboundMessage.Text
                    && each.message().text().contains(containing)
                    && each.outcome() instanceof io.retainbot.core.chat.SendOutcome.Delivered delivered) {
                return delivered.messageId();
            }
        }
        throw new AssertionError("no message containing '" + containing + "' in " + texts(delivered()));
    }

    /** The next bot message is an edit of an earlier one, now containing {@code parts}. */
    public ChatTranscript botEdits(String... parts) {
        OutboundMessage message = next();
        assertThat(message).as("an edit, was: %s", message.text()).isInstanceOf(OutboundMessage.Edit.class);
        for (String part : parts) {
            assertThat(message.text()).contains(part);
        }
        return this;
    }

    /** The next bot message is an edit of an earlier one with exactly these buttons now. */
    public ChatTranscript botEditsButtons(String... buttonLabels) {
        OutboundMessage message = next();
        assertThat(message).isInstanceOf(OutboundMessage.Edit.class);
        assertThat(labels(message)).containsExactly(buttonLabels);
        return this;
    }

    /** The user answers the bot's message containing {@code containing} with files (a photo reply, say). */
    public ChatTranscript replyWithFiles(String containing, String caption, FileRef... files) {
        return send(new InboundEvent.AttachmentReceived(channel, sender, nextId(), clock.instant(), List.of(files),
                caption, messageIdOf(containing)));
    }

    /** The newest bot message delivered here, as sent (its photo, what it replies to). */
    public OutboundMessage.Text lastMessage() {
        List<OutboundMessage> all = delivered();
        assertThat(all).as("bot messages here").isNotEmpty();
        assertThat(all.get(all.size() - 1)).isInstanceOf(OutboundMessage.Text.class);
        return (OutboundMessage.Text) all.get(all.size() - 1);
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

    /** Sends what waits in the outbox (the bot writing first, or a staff answer) before the next line. */
    public ChatTranscript deliverPending() {
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
