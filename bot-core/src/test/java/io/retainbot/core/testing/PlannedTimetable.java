package io.retainbot.core.testing;

import io.retainbot.core.port.BroadcastTimetable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A timetable that only remembers what was planned, for tests that drive the broadcast runner by hand. */
public final class PlannedTimetable implements BroadcastTimetable {
    /** One planned look: {@code broadcast} or {@code run}, with its id and time. */
    public record Plan(String what, long id, Instant at) {
    }

    private final List<Plan> plans = new ArrayList<>();

    @Override
    public synchronized void planOccurrence(long broadcastId, Instant at) {
        plans.add(new Plan("broadcast", broadcastId, at));
    }

    @Override
    public synchronized void planRun(long runId, Instant at) {
        plans.add(new Plan("run", runId, at));
    }

    public synchronized List<Plan> plans() {
        return List.copyOf(plans);
    }
}
