package io.retainbot.core.complaint;

/**
 * How often a known issue's fix was offered on new complaints in a period, and how the customers answered.
 *
 * @param unanswered offered, and the customer has not said whether it helped
 */
public record KnownIssueCount(long knownIssueId, String title, boolean open, long offered, long helped,
                              long notHelped, long unanswered) {
}
