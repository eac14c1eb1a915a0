package io.retainbot.core.outreach;

import io.retainbot.core.port.Transactor;
import java.util.List;

/** The record of who changed which segment, template, broadcast or greeting, and when: newest first. */
public final class OutreachChanges {
    /** The most a list shows. */
    public static final int MAX = 500;

    private final Transactor transactor;

    public OutreachChanges(Transactor transactor) {
        this.transactor = transactor;
    }

    public List<OutreachChange> latest(int limit) {
        int bounded = Math.max(1, Math.min(limit, MAX));
        return transactor.inTransaction(session -> session.outreachChanges().latest(bounded));
    }
}
