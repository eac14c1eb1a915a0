package io.retainbot.core.usecase;

import io.retainbot.core.complaint.Complaint;
import java.util.Objects;

/** What a staff operation came to: done (with the complaint as it is now), or refused with the reason. */
public sealed interface CareResult {
    record Done(Complaint complaint) implements CareResult {
        public Done {
            Objects.requireNonNull(complaint, "complaint");
        }
    }

    record Refused(Reason reason, String message) implements CareResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    enum Reason {
        /** No such complaint. */
        NOT_FOUND,
        /** No such active staff member. */
        UNKNOWN_STAFF,
        /** The complaint is not in a state that allows it (resolving a withdrawn complaint). */
        CONFLICT
    }
}
