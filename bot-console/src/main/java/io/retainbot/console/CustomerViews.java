package io.retainbot.console;

import java.util.List;

/** What the customer pages show, ready to render (texts in the reader's language, times in the business's zone). */
public final class CustomerViews {
    private CustomerViews() {
    }

    public record Found(long id, String name, String phone, String tier, String owner, List<String> tags) {
    }

    /** The search as typed (shown again in the form) and what it found. */
    public record SearchPage(Frame frame, String query, String tag, String tier, List<String> tiers, boolean searched,
                             List<Found> found, String error) {
    }

    public record Field(String label, String value) {
    }

    public record Channel(String platform, String name, String reachable, String lastSeen) {
    }

    /** @param description empty when the reader's role may not read complaint descriptions */
    public record ComplaintLine(String reference, String category, String status, String description, String filedAt,
                                boolean linked) {
    }

    public record Line(boolean outbound, String text, String at) {
    }

    public record FilePage(Frame frame, String name, List<Field> fields, List<String> tags, String consent,
                           List<Channel> channels, List<ComplaintLine> complaints, List<Line> history) {
    }
}
