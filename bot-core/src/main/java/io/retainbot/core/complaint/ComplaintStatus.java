package io.retainbot.core.complaint;

import java.util.Locale;

/** Where a complaint stands. Persisted by {@link #code()}. */
public enum ComplaintStatus {
    OPEN,
    IN_PROGRESS,
    RESOLVED,
    REFERRED,
    WITHDRAWN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ComplaintStatus fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    /** Open and in-progress complaints can still get details or be withdrawn. */
    public boolean isActive() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
