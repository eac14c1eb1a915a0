package io.retainbot.core.usecase;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.ComplaintCategory;
import io.retainbot.core.complaint.ComplaintCluster;
import io.retainbot.core.complaint.KnownIssue;
import io.retainbot.core.complaint.KnownIssueCount;
import io.retainbot.core.port.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Staff keep the list of known product issues and their fixes: record, change, close or delete one,
 * and see how often each fix was offered and whether it helped. A draft naming a category the business
 * does not have, or a language RetainBot does not speak, is refused with the field named.
 */
public final class KnownIssues {
    private final Transactor transactor;
    private final Set<String> categories;
    private final Set<String> languages;
    private final Clock clock;

    public KnownIssues(Transactor transactor, BusinessConfig business, Set<String> languages, Clock clock) {
        this.transactor = transactor;
        this.categories = business.categories().stream().map(ComplaintCategory::id)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        this.languages = Set.copyOf(languages);
        this.clock = clock;
    }

    /** Deleting an issue whose fix was offered on complaints would lose their count: close it instead. */
    public enum Deletion { DELETED, NOT_FOUND, IN_USE }

    public KnownIssue create(KnownIssue.Draft draft) {
        check(draft);
        return transactor.inTransaction(session -> session.knownIssues().create(draft, clock.instant()));
    }

    public Optional<KnownIssue> update(long id, KnownIssue.Draft draft) {
        check(draft);
        return transactor.inTransaction(session -> session.knownIssues().update(id, draft, clock.instant()));
    }

    public Optional<KnownIssue> find(long id) {
        return transactor.inTransaction(session -> session.knownIssues().find(id));
    }

    public List<KnownIssue> list() {
        return transactor.inTransaction(session -> session.knownIssues().list());
    }

    public Deletion delete(long id) {
        return transactor.inTransaction(session -> {
            if (session.knownIssues().find(id).isEmpty()) {
                return Deletion.NOT_FOUND;
            }
            if (session.knownIssues().everOffered(id)) {
                return Deletion.IN_USE;
            }
            session.knownIssues().delete(id);
            return Deletion.DELETED;
        });
    }

    /** Per issue, how often its fix was offered in [from, to) and how customers answered; for the service report. */
    public List<KnownIssueCount> counts(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from: must be before to");
        }
        return transactor.inTransaction(session -> session.knownIssues().counts(from, to));
    }

    /** The clusters of complaints flagged in [from, to), newest first; for the known-issues report. */
    public List<ComplaintCluster> clusters(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from: must be before to");
        }
        return transactor.inTransaction(session -> session.clusters().flagged(from, to));
    }

    private void check(KnownIssue.Draft draft) {
        for (String category : draft.categories()) {
            if (!categories.contains(category)) {
                throw new IllegalArgumentException("categories: \"" + category + "\" is not a complaint category; the "
                        + "categories are " + String.join(", ", categories));
            }
        }
        for (String language : draft.fixes().keySet()) {
            if (!languages.contains(language)) {
                throw new IllegalArgumentException("fixes: \"" + language + "\" is not a language RetainBot speaks; "
                        + "they are " + String.join(", ", languages.stream().sorted().toList()));
            }
        }
    }
}
