package io.retainbot.core.customer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer as the file holds them.
 *
 * @param lastContactAt when they last wrote to the business, {@code null} if never
 */
public record Customer(long id, CustomerProfile profile, Consent consent, List<Tag> tags, Instant createdAt,
                       Instant updatedAt, Instant lastContactAt) {
    public Customer {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(consent, "consent");
        tags = List.copyOf(tags);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public String displayName() {
        return profile.displayName();
    }

    public String language() {
        return profile.language();
    }

    public Tone tone() {
        return profile.tone();
    }

    public boolean hasTag(Tag tag) {
        return tags.contains(tag);
    }
}
