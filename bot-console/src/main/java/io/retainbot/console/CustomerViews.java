package io.retainbot.console;

import java.util.List;

/** What the customer pages show, ready to render (texts in the reader's language, times in the business's zone). */
public final class CustomerViews {
    private CustomerViews() {
    }

    public record Found(long id, String name, String phone, String tier, String owner, List<String> tags) {
    }

    /** The search as typed (shown again in the form) and what it found. */
    /**
     * @param exports whether the reader may download the search's customers as CSV
     * @param imports whether the reader may import a CSV
     */
    public record SearchPage(Frame frame, String query, String tag, String tier, List<String> tiers, boolean searched,
                             List<Found> found, String error, boolean exports, boolean imports) {
        /** The search as a query string, for the CSV of what it found. */
        public String exportQuery() {
            java.util.function.Function<String, String> encode = text -> java.net.URLEncoder.encode(text,
                    java.nio.charset.StandardCharsets.UTF_8);
            return "q=" + encode.apply(query) + "&tag=" + encode.apply(tag) + "&tier=" + encode.apply(tier);
        }
    }

    public record Choice(String value, String label) {
    }

    /**
     * The edit form of a file, for those who may edit it.
     *
     * @param merges whether the reader may merge another file into this one
     */
    public record Editing(CustomerEditing.Form form, List<String> languages, List<String> tiers, List<String> stages,
                          List<Choice> staff, List<String> tones, boolean merges) {
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

    /** @param editing the edit form; null when the reader may not edit the file */
    public record FilePage(Frame frame, long id, String name, List<Field> fields, List<String> tags, String consent,
                           List<Channel> channels, List<ComplaintLine> complaints, List<Line> history, Editing editing,
                           String notice, String error) {
    }

    /** One side of a merge: what the file holds. */
    public record MergeSide(long id, String name, String phone, List<String> channels, int complaints, int messages,
                            List<String> tags) {
    }

    /**
     * Choosing the file to merge into {@code survivor} (by search), then confirming what moves.
     *
     * @param absorbed the file picked, null while searching
     */
    public record MergePage(Frame frame, MergeSide survivor, String query, List<Found> found, MergeSide absorbed,
                            String error) {
    }

    /** What a CSV import came to; null before a file was sent. */
    public record ImportPage(Frame frame, io.retainbot.core.outreach.CustomerImport.Report report, String error) {
    }
}
