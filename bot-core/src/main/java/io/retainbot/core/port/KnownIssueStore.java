package io.retainbot.core.port;

import io.retainbot.core.complaint.KnownIssue;
import io.retainbot.core.complaint.KnownIssueCount;
import io.retainbot.core.complaint.KnownIssueOffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Known product issues with their fixes, and the offers of those fixes on new complaints. */
public interface KnownIssueStore {
    KnownIssue create(KnownIssue.Draft draft, Instant now);

    /** Replaces what staff described; empty when there is no such issue. */
    Optional<KnownIssue> update(long id, KnownIssue.Draft draft, Instant now);

    Optional<KnownIssue> find(long id);

    /** Every issue, open ones first, newest first within each. */
    List<KnownIssue> list();

    /** The open issues that belong to {@code category} (or to every category). */
    List<KnownIssue> openFor(String category);

    /** Whether a fix of this issue was ever offered on a complaint (then it is closed, not deleted). */
    boolean everOffered(long id);

    boolean delete(long id);

    /** Records that the issue's fix was offered on the complaint; false when one was offered there before. */
    boolean recordOffer(long complaintId, long knownIssueId, Instant at);

    Optional<KnownIssueOffer> offerOn(long complaintId);

    /** Records the customer's answer to an unanswered offer; false when there is none or it was answered. */
    boolean answerOffer(long complaintId, boolean helped, Instant at);

    /** Per issue (every issue, open or closed), the offers made in [from, to). */
    List<KnownIssueCount> counts(Instant from, Instant to);
}
