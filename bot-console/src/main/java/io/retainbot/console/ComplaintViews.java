package io.retainbot.console;

import java.util.List;

/** What the complaint pages show, ready to render (texts in the reader's language, times in the business's zone). */
public final class ComplaintViews {
    private ComplaintViews() {
    }

    /** One complaint in the queue. */
    public record QueueItem(String reference, String category, String customer, String status, String holder,
                            Countdown countdown, String summary) {
    }

    /** The queue: nobody's first (nearest promise first), then mine, then the others' open complaints. */
    public record Queue(List<QueueItem> unclaimed, List<QueueItem> mine, List<QueueItem> others) {
        public boolean empty() {
            return unclaimed.isEmpty() && mine.isEmpty() && others.isEmpty();
        }
    }

    public record QueuePage(Frame frame, Queue queue) {
    }

    public record Line(boolean outbound, String text, String at) {
    }

    /** @param internal written for colleagues only, never shown to the customer */
    public record Note(String author, String text, String at, boolean internal) {
    }

    /** Something a person did to the complaint, with who did it ("Claimed by Joon Lee"). */
    public record Done(String text, String at) {
    }

    /** A business from the referral directory, in the reader's language. */
    public record ReferralChoice(String id, String name, String contact, String description) {
    }

    public record StaffChoice(long id, String name) {
    }

    /**
     * What the reader may do besides claim, reply and resolve.
     *
     * @param referrals the directory's businesses for the complaint's category
     * @param staff     whom the reader may hand the complaint to (empty when they may not reassign)
     */
    public record Options(List<ReferralChoice> referrals, List<StaffChoice> staff, boolean mayReassign,
                          boolean mayReopen) {
        public static final Options NONE = new Options(List.of(), List.of(), false, false);
    }

    /** @param url where the console serves the file, empty when the platform keeps it */
    public record Attachment(String url, String name, boolean image, String keptBy) {
    }

    public record Complaint(String reference, String category, String description, String orderReference,
                            String status, boolean active, boolean claimable, String holder, String customer,
                            String channel, Countdown countdown, String filedAt, List<Note> notes,
                            List<Attachment> attachments, List<Line> conversation, List<Done> done,
                            String categoryId, long holderId) {
    }

    public record ComplaintPage(Frame frame, Complaint complaint, String notice, String error, Options options) {
    }
}
