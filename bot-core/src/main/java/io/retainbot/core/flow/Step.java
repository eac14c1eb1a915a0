package io.retainbot.core.flow;

import io.retainbot.core.chat.OutboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of one turn: the replies, where the conversation goes next and the commands for the
 * engine. Built fluently: {@code Step.to("intake", State.AWAITING_DESCRIPTION, data).say(text)}.
 */
public record Step(List<OutboundMessage> replies, String flow, String state, FlowData data,
                   List<FlowCommand> commands) {
    public Step {
        replies = List.copyOf(replies);
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(state, "state");
        data = Objects.requireNonNullElse(data, FlowData.EMPTY);
        commands = List.copyOf(commands);
    }

    public static Step to(String flow, Enum<?> state, FlowData data) {
        return new Step(List.of(), flow, state.name(), data, List.of());
    }

    /** Stay where the conversation is. */
    public static Step stay(Conversation conversation) {
        return new Step(List.of(), conversation.flow(), conversation.state(), conversation.data(), List.of());
    }

    /** End the running flow. */
    public static Step idle() {
        return new Step(List.of(), Conversation.IDLE, Conversation.IDLE, FlowData.EMPTY, List.of());
    }

    public boolean isIdle() {
        return Conversation.IDLE.equals(flow);
    }

    public Step say(OutboundMessage message) {
        List<OutboundMessage> more = new ArrayList<>(replies);
        more.add(message);
        return new Step(more, flow, state, data, commands);
    }

    public Step say(String text) {
        return say(OutboundMessage.Text.of(text));
    }

    /** Puts {@code message} before the replies gathered so far. */
    public Step sayFirst(String text) {
        List<OutboundMessage> more = new ArrayList<>();
        more.add(OutboundMessage.Text.of(text));
        more.addAll(replies);
        return new Step(more, flow, state, data, commands);
    }

    /** Puts {@code messages} before the replies gathered so far, in their order. */
    public Step sayFirst(List<OutboundMessage> messages) {
        List<OutboundMessage> more = new ArrayList<>(messages);
        more.addAll(replies);
        return new Step(more, flow, state, data, commands);
    }

    /** Whether a command of this type is among the step's commands. */
    public boolean has(Class<? extends FlowCommand> type) {
        return commands.stream().anyMatch(type::isInstance);
    }

    public Step then(List<FlowCommand> more) {
        Step step = this;
        for (FlowCommand command : more) {
            step = step.then(command);
        }
        return step;
    }

    public Step then(FlowCommand command) {
        List<FlowCommand> more = new ArrayList<>(commands);
        more.add(command);
        return new Step(replies, flow, state, data, more);
    }
}
