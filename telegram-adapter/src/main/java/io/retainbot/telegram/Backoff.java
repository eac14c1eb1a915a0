package io.retainbot.telegram;

import java.time.Duration;

/** How long polling waits after trouble: one second, doubling with every failure in a row, at most thirty. */
final class Backoff {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(30);

    private Duration next = FIRST;

    /** The wait for this failure; the one after will be twice as long, up to {@link #MAX}. */
    Duration failed() {
        Duration wait = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(MAX) > 0 ? MAX : doubled;
        return wait;
    }

    /** The wait after a refusal that will not pass soon (a wrong token): the longest at once. */
    Duration refusedForGood() {
        next = MAX;
        return MAX;
    }

    void succeeded() {
        next = FIRST;
    }
}
