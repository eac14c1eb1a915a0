package io.retainbot.discord;

import io.retainbot.core.conversation.EventSink;
import io.retainbot.core.conversation.InboundEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An event sink that records what it is given; it can be held (a slow database) or fail (a database down). */
final class RecordingSink implements EventSink {
    private final BlockingQueue<InboundEvent> events = new LinkedBlockingQueue<>();
    private final List<InboundEvent> all = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    @Override
    public Receipt accept(InboundEvent event) {
        try {
            gate.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            all.add(event);
            throw new IllegalStateException("database unavailable (test)");
        }
        all.add(event);
        events.add(event);
        return Receipt.HANDLED;
    }

    /** The next event the sink accepted, waiting up to 20 s. */
    InboundEvent next() {
        try {
            InboundEvent event = events.poll(20, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no event reached the sink within 20 s");
            }
            return event;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    <T extends InboundEvent> T next(Class<T> type) {
        InboundEvent event = next();
        if (!type.isInstance(event)) {
            throw new AssertionError("expected a " + type.getSimpleName() + " but got " + event);
        }
        return type.cast(event);
    }

    /** Whether nothing more arrives within {@code wait} (for events that must be dropped). */
    boolean staysEmpty(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    List<InboundEvent> offered() {
        return List.copyOf(all);
    }

    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    void failNext(int times) {
        failuresLeft.set(times);
    }
}
