package io.retainbot.core.flow;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where one chat stands: which customer it belongs to, which flow and state it is in, and what
 * that flow remembers. Persisted by name, so a restart continues every conversation.
 *
 * @param customerId     the customer this chat belongs to, null until the first event linked one
 * @param flow           the running flow's name ({@code idle} when none)
 * @param state          the flow's state enum constant's name
 * @param handedOverAt   when the customer asked for a person, null when not handed over
 * @param consentAskedAt when the question about greetings and offers was put in this chat, null if never
 * @param offeredButtons the labels of the buttons the bot sent here lately, by data (in the order offered, a
 *                       label offered again keeping its place while it is among the newest; bounded), so a press
 *                       is recorded as the label the customer saw
 */
public record Conversation(ChannelRef channel, Long customerId, String flow, String state, FlowData data,
                           Instant handedOverAt, Instant startedAt, Instant updatedAt, Instant consentAskedAt,
                           Map<String, String> offeredButtons) {
    public static final String IDLE = "idle";
    /** How many button labels a conversation remembers. */
    public static final int REMEMBERED_BUTTONS = 60;
    /** A label offered again keeps its place while at most this many newer labels follow it. */
    public static final int SETTLED_BUTTONS = REMEMBERED_BUTTONS / 2;

    public Conversation {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(state, "state");
        data = Objects.requireNonNullElse(data, FlowData.EMPTY);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        offeredButtons = offeredButtons instanceof Labels kept ? kept
                : new Labels(Objects.requireNonNullElse(offeredButtons, Map.of()));
    }

    public Conversation(ChannelRef channel, Long customerId, String flow, String state, FlowData data,
                        Instant handedOverAt, Instant startedAt, Instant updatedAt) {
        this(channel, customerId, flow, state, data, handedOverAt, startedAt, updatedAt, null, Map.of());
    }

    public static Conversation fresh(ChannelRef channel, Instant now) {
        return new Conversation(channel, null, IDLE, IDLE, FlowData.EMPTY, null, now, now);
    }

    public boolean isIdle() {
        return IDLE.equals(flow);
    }

    public Optional<Long> customer() {
        return Optional.ofNullable(customerId);
    }

    public Conversation withCustomer(long id) {
        return new Conversation(channel, id, flow, state, data, handedOverAt, startedAt, updatedAt, consentAskedAt,
                offeredButtons);
    }

    public Conversation inState(String newFlow, String newState, FlowData newData, Instant now) {
        return new Conversation(channel, customerId, newFlow, newState, newData, handedOverAt, startedAt, now,
                consentAskedAt, offeredButtons);
    }

    public Conversation idle(Instant now) {
        return inState(IDLE, IDLE, FlowData.EMPTY, now);
    }

    public Conversation handedOver(Instant at) {
        return new Conversation(channel, customerId, flow, state, data, at, startedAt, at, consentAskedAt,
                offeredButtons);
    }

    /** The conversation is the bot's again: the request for a person was cancelled. */
    public Conversation handedBack(Instant at) {
        return new Conversation(channel, customerId, flow, state, data, null, startedAt, at, consentAskedAt,
                offeredButtons);
    }

    public Conversation consentAsked(Instant at) {
        return new Conversation(channel, customerId, flow, state, data, handedOverAt, startedAt, updatedAt,
                consentAskedAt == null ? at : consentAskedAt, offeredButtons);
    }

    /**
     * Remembers the labels of the buttons on {@code messages}, forgetting the oldest beyond the bound. A label it
     * remembers already, among the newest {@value #SETTLED_BUTTONS}, keeps its place when offered again, so a
     * conversation that offers the same buttons turn after turn keeps the same labels (and its stored row need not
     * change); one further back moves to the newest end, so a label offered lately outlives at least the next
     * {@value #SETTLED_BUTTONS} labels new to the conversation. Answers this conversation when nothing changed.
     */
    public Conversation offered(List<OutboundMessage> messages) {
        LinkedHashMap<String, String> labels = null;
        for (OutboundMessage message : messages) {
            for (List<Button> row : message.buttons()) {
                for (Button button : row) {
                    Map<String, String> current = labels == null ? offeredButtons : labels;
                    if (button.label().equals(current.get(button.data()))
                            && newerThan(current, button.data()) < SETTLED_BUTTONS) {
                        continue;
                    }
                    if (labels == null) {
                        labels = new LinkedHashMap<>(offeredButtons);
                    }
                    labels.remove(button.data());
                    labels.put(button.data(), button.label());
                }
            }
        }
        if (labels == null) {
            return this;
        }
        while (labels.size() > REMEMBERED_BUTTONS) {
            labels.remove(labels.keySet().iterator().next());
        }
        return new Conversation(channel, customerId, flow, state, data, handedOverAt, startedAt, updatedAt,
                consentAskedAt, labels);
    }

    /** How many labels were offered after the one with this data (which the map holds). */
    private static int newerThan(Map<String, String> labels, String data) {
        int position = 0;
        for (String key : labels.keySet()) {
            position++;
            if (key.equals(data)) {
                break;
            }
        }
        return labels.size() - position;
    }

    /** The label the customer saw on the button with this data, if the bot sent it here lately. */
    public Optional<String> labelOf(String buttonData) {
        return Optional.ofNullable(offeredButtons.get(buttonData));
    }

    /**
     * The offered labels as a conversation keeps them: its own unmodifiable copy, which every later state of
     * the conversation shares instead of copying it again (an event makes several states, and a chat
     * remembers up to {@value #REMEMBERED_BUTTONS} labels).
     */
    private static final class Labels extends AbstractMap<String, String> {
        private final Map<String, String> labels;

        Labels(Map<String, String> source) {
            this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(source));
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return labels.entrySet();
        }

        @Override
        public String get(Object key) {
            return labels.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return labels.containsKey(key);
        }

        @Override
        public int size() {
            return labels.size();
        }
    }
}
