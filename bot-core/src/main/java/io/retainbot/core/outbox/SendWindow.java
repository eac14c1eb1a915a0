package io.retainbot.core.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A platform's budget counted as the platform counts it: at most {@code limit} sends in any one
 * second, a sliding second, not a bucket refilled at a rate. The platform sees a send arrive at some
 * moment between our starting it and its answer coming back, and we cannot know which; so a send holds
 * its place from the moment it is started until one second after its answer. Then no jitter of HTTP
 * (a send that took long to leave, the next one quick) can put one send too many into a second as the
 * platform measures it: the margin a send leaves is exactly its own round trip, small when the
 * platform answers fast. A place that opens shortly may be reserved ahead ({@link #reserve}): the send is
 * picked and ready, and starts the moment its place opens, so the time it takes to pick the next send
 * from the database is not lost from the budget. A platform's "wait" ({@link #holdUntil}) stops every
 * start until it passes.
 *
 * <p>Not thread-safe: the dispatcher guards it.
 */
final class SendWindow {
    static final Duration SPAN = Duration.ofSeconds(1);

    private final int limit;
    /** When the answers of the sends still inside the window came back. */
    private final PriorityQueue<Instant> answered = new PriorityQueue<>();
    private int inFlight;
    private Instant heldUntil = Instant.MIN;

    SendWindow(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a send window needs room for at least one send, was " + limit);
        }
        this.limit = limit;
    }

    /** The window for a budget of {@code perSecond}, rounded down: a fraction of a send never fits. */
    static SendWindow perSecond(double perSecond) {
        return new SendWindow((int) Math.max(1, Math.floor(perSecond)));
    }

    /** The most sends in any one second. */
    int limit() {
        return limit;
    }

    /** How many sends may start now. */
    int room(Instant now) {
        return room(now, Duration.ZERO);
    }

    /** How many places are free now or open within {@code lookahead}: sends that may be picked now. */
    int room(Instant now, Duration lookahead) {
        if (isHeld(now)) {
            return 0;
        }
        forgetBefore(now);
        int free = limit - inFlight - answered.size();
        Instant horizon = now.plus(lookahead).minus(SPAN);
        for (Instant answer : answered) {
            if (!answer.isAfter(horizon)) {
                free++;
            }
        }
        return Math.max(0, free);
    }

    /**
     * Takes a place that is free now or opens within {@code lookahead}, for a send that starts when it
     * opens and not before; answers that moment ({@code now} for a free place), empty when there is none.
     */
    Optional<Instant> reserve(Instant now, Duration lookahead) {
        if (isHeld(now)) {
            return Optional.empty();
        }
        forgetBefore(now);
        if (inFlight + answered.size() < limit) {
            inFlight++;
            return Optional.of(now);
        }
        Instant first = answered.peek();
        if (first == null || first.plus(SPAN).isAfter(now.plus(lookahead))) {
            return Optional.empty();
        }
        answered.poll();
        inFlight++;
        return Optional.of(first.plus(SPAN));
    }

    /** Whether the platform told us to wait and the wait has not passed. */
    boolean isHeld(Instant now) {
        return now.isBefore(heldUntil);
    }

    /** The wait the platform announced ends then (a moment in the past when there is none). */
    Instant heldUntil() {
        return heldUntil;
    }

    /**
     * When a send may start at the earliest, {@code now} if it may now. While every place is taken by a
     * send still waiting for its answer, nobody knows: then the answer wakes the dispatcher, and this
     * says a second from now.
     */
    Instant nextRoomAt(Instant now) {
        if (isHeld(now)) {
            return heldUntil;
        }
        if (room(now) > 0) {
            return now;
        }
        int leaving = inFlight + answered.size() - limit + 1;
        if (leaving > answered.size()) {
            return now.plus(SPAN);
        }
        Instant[] answers = answered.toArray(new Instant[0]);
        Arrays.sort(answers);
        return answers[leaving - 1].plus(SPAN);
    }

    /**
     * A send reserved with {@link #reserve} was not made after all (handed back before it left): its
     * place is free again when it would have opened.
     */
    void withdrawn(Instant placeOpenedAt) {
        if (inFlight > 0) {
            inFlight--;
            answered.add(placeOpenedAt.minus(SPAN));
        }
    }

    /** The answer of a started send came back at {@code at}, whatever it said: it leaves the window a second later. */
    void answered(Instant at) {
        if (inFlight > 0) {
            inFlight--;
        }
        answered.add(at);
    }

    /** The platform said to wait until {@code until}: nothing starts before (a later wait never shortens). */
    void holdUntil(Instant until) {
        if (until.isAfter(heldUntil)) {
            heldUntil = until;
        }
    }

    private void forgetBefore(Instant now) {
        Instant leftEdge = now.minus(SPAN);
        while (!answered.isEmpty() && !answered.peek().isAfter(leftEdge)) {
            answered.poll();
        }
    }
}
