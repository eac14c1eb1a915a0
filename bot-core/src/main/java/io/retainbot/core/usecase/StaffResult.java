package io.retainbot.core.usecase;

import io.retainbot.core.staff.StaffMember;
import java.util.Objects;

/** What a change to the staff list came to: done (the staff member as they are now), or refused. */
public sealed interface StaffResult {
    record Done(StaffMember staff) implements StaffResult {
        public Done {
            Objects.requireNonNull(staff, "staff");
        }
    }

    record Refused(CareResult.Reason reason, String message) implements StaffResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
