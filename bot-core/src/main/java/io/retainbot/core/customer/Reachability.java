package io.retainbot.core.customer;

import io.retainbot.core.chat.ChannelRef;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Where the business can reach a customer it wants to write to first. */
public final class Reachability {
    private Reachability() {
    }

    /**
     * The preferred chat (where the complaint was filed) while it is reachable; otherwise the reachable
     * chat the customer used last; empty when none is reachable.
     */
    public static Optional<ChannelRef> channelFor(List<ChannelIdentity> identities, ChannelRef preferred) {
        List<ChannelIdentity> reachable = identities.stream().filter(ChannelIdentity::reachable).toList();
        if (preferred != null && reachable.stream().anyMatch(identity -> identity.channel().equals(preferred))) {
            return Optional.of(preferred);
        }
        return reachable.stream()
                .max(Comparator.comparing(identity -> Objects.requireNonNullElse(identity.lastSeenAt(), Instant.MIN)))
                .map(ChannelIdentity::channel);
    }
}
