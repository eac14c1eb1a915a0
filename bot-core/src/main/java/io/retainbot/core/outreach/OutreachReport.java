package io.retainbot.core.outreach;

import io.retainbot.core.port.OptOutStore;
import io.retainbot.core.port.Transactor;
import java.util.List;
import java.util.Map;

/**
 * How outreach fares: why customers left (the answers to "may we ask why?", and those who did not
 * answer), and per broadcast and per template the messages sent, the opt-outs that followed (a
 * customer's opt-out counts against the broadcast they had last received, within a week) and the
 * personal offer codes sent and redeemed.
 */
public final class OutreachReport {
    /** How many of the customers' own words the report shows, newest first. */
    static final int TEXTS = 20;

    private final Transactor transactor;

    public OutreachReport(Transactor transactor) {
        this.transactor = transactor;
    }

    /**
     * @param exitReasons opt-outs by reason code, {@code unanswered} for those who did not say
     * @param exitTexts   what customers wrote in their own words, newest first
     */
    public record Figures(Map<String, Long> exitReasons, List<String> exitTexts,
                          List<OptOutStore.BroadcastTally> broadcasts, List<OptOutStore.TemplateTally> templates) {
    }

    public Figures figures() {
        return transactor.inTransaction(session -> new Figures(session.optOuts().exitReasons(),
                session.optOuts().exitTexts(TEXTS), session.optOuts().broadcastTallies(),
                session.optOuts().templateTallies()));
    }
}
