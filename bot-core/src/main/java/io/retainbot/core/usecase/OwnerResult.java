package io.retainbot.core.usecase;

import java.util.Map;
import java.util.Objects;

/** What a change of who looks after customers came to. */
public sealed interface OwnerResult {
    /** @param owners customer id to the staff member now responsible, for every customer the change concerned */
    record Done(Map<Long, Long> owners) implements OwnerResult {
        public Done {
            owners = Map.copyOf(owners);
        }
    }

    record Refused(CareResult.Reason reason, String message) implements OwnerResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
