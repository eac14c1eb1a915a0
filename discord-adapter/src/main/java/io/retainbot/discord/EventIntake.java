package io.retainbot.discord;

import io.retainbot.core.conversation.EventSink;
import io.retainbot.core.conversation.InboundEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands translated events to the engine off JDA's event thread, so a slow database never delays
 * the acknowledgement of an interaction. Events of one chat go through one lane in arrival order;
 * chats are spread over several lanes. The gateway does not deliver an event twice on request, so
 * when the engine throws (nothing was recorded) the event is offered again with growing pauses; only
 * after the last attempt is it given up, and logged with its id.
 */
final class EventIntake implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

    private final EventSink sink;
    private final List<ExecutorService> lanes;
    private final Duration firstPause;
    private final int attempts;

    EventIntake(EventSink sink, ThreadFactory threads, int laneCount, Duration firstPause, int attempts) {
        this.sink = sink;
        this.firstPause = firstPause;
        this.attempts = attempts;
        List<ExecutorService> created = new ArrayList<>();
        for (int i = 0; i < laneCount; i++) {
            created.add(Executors.newSingleThreadExecutor(threads));
        }
        this.lanes = List.copyOf(created);
    }

    /** Hands {@code event} to the engine; {@code done} learns the receipt, or empty if the engine never took it. */
    void hand(InboundEvent event, Consumer<Optional<EventSink.Receipt>> done) {
        ExecutorService lane = lanes.get(Math.floorMod(event.channel().hashCode(), lanes.size()));
        try {
            lane.execute(() -> done.accept(deliver(event)));
        } catch (RejectedExecutionException stopping) {
            log.warn("Discord {} {} arrived while stopping and was not handled", kind(event), event.eventId());
            done.accept(Optional.empty());
        }
    }

    private Optional<EventSink.Receipt> deliver(InboundEvent event) {
        Duration pause = firstPause;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return Optional.of(sink.accept(event));
            } catch (RuntimeException failure) {
                if (attempt == attempts) {
                    log.error("Discord {} {} from {} could not be handled after {} attempts and is lost: {}", kind(event),
                            event.eventId(), event.channel(), attempts, failure.toString());
                    return Optional.empty();
                }
                log.warn("Discord {} {} not handled ({}); trying again in {} ms", kind(event), event.eventId(),
                        failure.toString(), pause.toMillis());
                if (!pause(pause)) {
                    return Optional.empty();
                }
                pause = pause.multipliedBy(2);
            }
        }
        return Optional.empty();
    }

    private static boolean pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String kind(InboundEvent event) {
        return event.getClass().getSimpleName();
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdown);
        for (ExecutorService lane : lanes) {
            try {
                if (!lane.awaitTermination(10, TimeUnit.SECONDS)) {
                    lane.shutdownNow();
                }
            } catch (InterruptedException interrupted) {
                lane.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
