package io.retainbot.core.outreach;

import java.time.Instant;
import java.util.Map;

/**
 * How far a run is: recipients by state, skips by reason, the send rate over the last minute and,
 * at that rate, when it will be done.
 *
 * @param expectedFinish {@code null} when nothing is left or nothing is moving
 */
public record Progress(long total, long pending, long queued, long sent, long unreachable, long failed, long skipped,
                       Map<String, Long> skippedByReason, double perMinute, Instant expectedFinish) {
    public Progress {
        skippedByReason = Map.copyOf(skippedByReason);
    }

    public long remaining() {
        return pending + queued;
    }
}
