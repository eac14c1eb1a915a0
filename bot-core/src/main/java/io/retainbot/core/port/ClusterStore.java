package io.retainbot.core.port;

import io.retainbot.core.business.ClusterRule;
import io.retainbot.core.complaint.ComplaintCluster;
import java.time.Instant;
import java.util.List;

/** Clusters of complaints: flagged once each, listed for the known-issues report. */
public interface ClusterStore {
    /**
     * Flags a cluster of {@code category} when the complaints filed within the rule's window up to {@code at}
     * reach its count and none of the category was flagged within that window; empty otherwise. Two callers
     * at once flag one cluster.
     */
    java.util.Optional<ComplaintCluster> flag(String category, ClusterRule rule, Instant at);

    /** The clusters flagged in [from, to), newest first. */
    List<ComplaintCluster> flagged(Instant from, Instant to);
}
