package io.retainbot.core.port;

import io.retainbot.core.customer.ExitReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Opt-outs from greetings and offers, why customers left, and how broadcasts fared (the outreach report). */
public interface OptOutStore {
    /**
     * Records that the customer opted out, attributed to the broadcast run they last received within
     * {@code attributionWindow} before {@code at} (none if there is none).
     */
    void record(long customerId, String source, java.time.Duration attributionWindow, Instant at);

    /** Keeps why the customer left on their latest opt-out not answered yet; false when there is none. */
    boolean answer(long customerId, ExitReason reason, String text, Instant at);

    /** Opt-outs by reason; those never answered under {@code "unanswered"}. */
    Map<String, Long> exitReasons();

    /** What customers wrote in their own words, newest first. */
    List<String> exitTexts(int limit);

    /** Per broadcast: messages sent, opt-outs after it, offer codes issued and redeemed. */
    List<BroadcastTally> broadcastTallies();

    /** Per template: messages sent and offer codes issued and redeemed, over all its broadcasts. */
    List<TemplateTally> templateTallies();

    /**
     * Every week (from Monday in {@code zone}) that [from, to) touches, in order, also those with nothing:
     * broadcast messages sent, opt-outs, and personal offer codes issued and redeemed, each counted in the
     * week it happened, if it happened in [from, to).
     */
    List<WeekTally> weeklyTallies(Instant from, Instant to, java.time.ZoneId zone);

    record WeekTally(java.time.LocalDate week, long sent, long optOuts, long offersSent, long offersRedeemed) {
    }

    record BroadcastTally(long broadcastId, String name, long templateId, long sent, long optOuts,
                          long offersSent, long offersRedeemed) {
    }

    record TemplateTally(long templateId, String name, long sent, long offersSent, long offersRedeemed) {
    }
}
