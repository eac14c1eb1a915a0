package io.retainbot.core.testing;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.outbox.Pacing;
import io.retainbot.core.port.ChatGateway;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** A chat gateway that records what was sent and answers with scripted outcomes (default: delivered). */
public final class RecordingGateway implements ChatGateway {
    private final Platform platform;
    private final List<Sent> sent = new ArrayList<>();
    private final Deque<Function<Sent, SendOutcome>> scripted = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong(500);
    private Pacing pacing = new Pacing(1000, Duration.ofMillis(1));
    private double bulkPerSecond = 1000;
    private boolean takesPhotos;
    private final Object gate = new Object();
    private boolean holding;
    private int held;

    public RecordingGateway(Platform platform) {
        this.platform = platform;
    }

    public record Sent(ChannelRef channel, OutboundMessage message, SendOutcome outcome) {
    }

    /** The next sends answer with these outcomes, in order; afterwards sends are delivered again. */
    public synchronized RecordingGateway thenAnswer(SendOutcome... outcomes) {
        for (SendOutcome outcome : outcomes) {
            scripted.add(ignored -> outcome);
        }
        return this;
    }

    public synchronized RecordingGateway withPacing(Pacing newPacing, double bulk) {
        this.pacing = newPacing;
        this.bulkPerSecond = bulk;
        return this;
    }

    /** From now on this gateway says it shows photos (by default it says it does not). */
    public synchronized RecordingGateway showingPhotos() {
        this.takesPhotos = true;
        return this;
    }

    @Override
    public synchronized boolean takesPhotos() {
        return takesPhotos;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    /**
     * From now on every send blocks (as a platform API that never answers would) until
     * {@link #answerHeldSends} is called; {@link #heldSends} tells how many are waiting.
     */
    public RecordingGateway holdSends() {
        synchronized (gate) {
            holding = true;
        }
        return this;
    }

    /** Lets the held sends go on, and sends no longer block. */
    public void answerHeldSends() {
        synchronized (gate) {
            holding = false;
            gate.notifyAll();
        }
    }

    /** How many sends are blocked right now. */
    public int heldSends() {
        synchronized (gate) {
            return held;
        }
    }

    @Override
    public SendOutcome send(ChannelRef channel, OutboundMessage message) {
        synchronized (gate) {
            held++;
            try {
                while (holding) {
                    gate.wait();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return new SendOutcome.Failed("interrupted while held", true);
            } finally {
                held--;
            }
        }
        return record(channel, message);
    }

    private synchronized SendOutcome record(ChannelRef channel, OutboundMessage message) {
        Sent attempt = new Sent(channel, message, null);
        SendOutcome outcome = scripted.isEmpty()
                ? new SendOutcome.Delivered(String.valueOf(ids.incrementAndGet()))
                : scripted.poll().apply(attempt);
        sent.add(new Sent(channel, message, outcome));
        return outcome;
    }

    @Override
    public synchronized Pacing pacing(ChannelRef channel) {
        return pacing;
    }

    @Override
    public synchronized double bulkPerSecond() {
        return bulkPerSecond;
    }

    /** Every send attempt so far, in order. */
    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The messages delivered to {@code channel}, in order. */
    public synchronized List<OutboundMessage> deliveredTo(ChannelRef channel) {
        return sent.stream()
                .filter(item -> item.channel().equals(channel) && item.outcome() instanceof SendOutcome.Delivered)
                .map(Sent::message)
                .toList();
    }
}
