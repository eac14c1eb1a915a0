package io.retainbot.core.outreach;

import java.time.Instant;
import java.util.Map;

/**
 * How far a run is: recipients by state, skips by reason, the send rate over the last minute and,
 * at that rate, when it will be done; and how many wait for their time (a customer's quiet hours, the
 * occurrence's local time in their zone), so a run that sends nothing yet is seen to wait, not to hang.
 *
 * @param expectedFinish {@code null} when nothing is left or nothing is moving
 * @param waiting        pending deliveries that may not go before a later time
 * @param nextSend       the first of those times; {@code null} when none waits
 */
public record Progress(long total, long pending, long queued, long sent, long unreachable, long failed, long skipped,
                       Map<String, Long> skippedByReason, double perMinute, Instant expectedFinish, long waiting,
                       Instant nextSend) {
    public Progress {
        skippedByReason = Map.copyOf(skippedByReason);
    }

    public long remaining() {
        return pending + queued;
    }
}
