package io.retainbot.console;

import java.util.List;

/** What the pages of customers asking for a person show, ready to render (reader's language, business's zone). */
public final class HandoverViews {
    private HandoverViews() {
    }

    /**
     * One request in the list.
     *
     * @param lastWords what the customer wrote last (empty when nothing yet)
     * @param countdown until the hour promised to the customer runs out, null once someone took it
     * @param holder    who talks with the customer, empty while nobody does
     */
    public record Item(long id, String customer, String channel, String askedAt, String lastWords, Countdown countdown,
                       String holder, boolean mine) {
    }

    /** Waiting for a person (oldest first), then those someone talks with now. */
    public record Lists(List<Item> waiting, List<Item> talking) {
        public boolean empty() {
            return waiting.isEmpty() && talking.isEmpty();
        }
    }

    public record ListPage(Frame frame, Lists lists) {
    }

    /**
     * One line of the conversation: the customer's ({@code outbound} false) or what was sent to them, by the bot or
     * by a person ({@code staff}, with their name in {@code who}).
     *
     * @param photos where the photos that went with the words are shown (the console's own route)
     */
    public record Line(String who, boolean outbound, boolean staff, String text, List<String> photos, String at) {
        public String side() {
            return staff ? "outbound staff" : outbound ? "outbound" : "inbound";
        }
    }

    /**
     * One request and its conversation.
     *
     * @param status    open, taken, closed or cancelled
     * @param statusText the status in words, with who has it
     * @param mine      the reader talks with the customer: they may write and hand back
     * @param mayClose  the reader may hand the conversation back (theirs, or a supervisor's or admin's right)
     */
    public record Talk(long id, String customer, String channel, String askedAt, String status, String statusText,
                       String holder, boolean mine, boolean mayClose, Countdown countdown, List<Line> lines) {
        public boolean waiting() {
            return "open".equals(status);
        }

        public boolean active() {
            return "open".equals(status) || "taken".equals(status);
        }
    }

    public record TalkPage(Frame frame, Talk talk, String notice, String error) {
    }
}
