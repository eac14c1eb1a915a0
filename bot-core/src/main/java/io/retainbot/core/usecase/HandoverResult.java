package io.retainbot.core.usecase;

import io.retainbot.core.feedback.HandoverRequest;
import java.util.Objects;

/** What taking or closing a request for a person came to: done (the request as it is now), or refused. */
public sealed interface HandoverResult {
    record Done(HandoverRequest request) implements HandoverResult {
        public Done {
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * @param takenBy when refused because a colleague has it: who (their name), so the staff member can be told
     */
    record Refused(CareResult.Reason reason, String message, String takenBy) implements HandoverResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
