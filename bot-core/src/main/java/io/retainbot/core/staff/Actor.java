package io.retainbot.core.staff;

import java.util.Optional;

/**
 * Who performs a staff operation: a staff member (from their chat or the console), or the holder of
 * the admin token (the REST API), who acts for the business without being a particular person.
 */
public record Actor(Long staffId) {
    public Actor {
        if (staffId != null && staffId < 1) {
            throw new IllegalArgumentException("a staff id is positive, was " + staffId);
        }
    }

    public static Actor admin() {
        return new Actor(null);
    }

    public static Actor staff(long staffId) {
        return new Actor(staffId);
    }

    public Optional<Long> staff() {
        return Optional.ofNullable(staffId);
    }
}
