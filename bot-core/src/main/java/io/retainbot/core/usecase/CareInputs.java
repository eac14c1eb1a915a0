package io.retainbot.core.usecase;

import io.retainbot.core.chat.Photo;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.staff.Actor;
import java.util.List;
import java.util.Objects;

/** The inputs of the staff operations on complaints; each validates itself, whichever door it came through. */
public final class CareInputs {
    /** Longest text a staff member may send or note in one operation. */
    public static final int MAX_TEXT = 4000;

    private CareInputs() {
    }

    public record ClaimComplaint(ComplaintRef ref, Actor actor) {
        public ClaimComplaint {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** An answer to the customer, sent to their chat in the business's name. */
    /**
     * @param text   the answer; may be empty when it is photos alone
     * @param photos photos for the customer, in order (a staff member's photo reply in the staff chat); may be empty
     */
    public record AnswerComplaint(ComplaintRef ref, Actor actor, String text, List<Photo> photos) {
        public AnswerComplaint {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(actor, "actor");
            photos = List.copyOf(Objects.requireNonNullElse(photos, List.<Photo>of()));
            text = photos.isEmpty() ? required(text, "text") : optional(text, "text");
        }

        /** A text answer. */
        public AnswerComplaint(ComplaintRef ref, Actor actor, String text) {
            this(ref, actor, text, List.of());
        }
    }

    /** @param summary what was done, told to the customer; may be empty */
    public record ResolveComplaint(ComplaintRef ref, Actor actor, String summary) {
        public ResolveComplaint {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(actor, "actor");
            summary = optional(summary, "summary");
        }
    }

    /**
     * The business cannot help: an honest explanation and/or businesses that can, from the referral directory
     * or written in by the staff member.
     *
     * @param explanation why the business cannot help (and who can), told to the customer; may be empty when
     *                    referrals are given
     * @param referralIds ids from the business file's referral directory, told to the customer in order
     * @param written     businesses the staff member names that the directory lacks, told after those
     */
    public record ReferComplaint(ComplaintRef ref, Actor actor, String explanation, List<String> referralIds,
                                 List<WrittenReferral> written) {
        public ReferComplaint {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(actor, "actor");
            referralIds = List.copyOf(new java.util.LinkedHashSet<>(Objects.requireNonNullElse(referralIds,
                    List.<String>of())));
            written = List.copyOf(Objects.requireNonNullElse(written, List.<WrittenReferral>of()));
            if (written.size() > MAX_WRITTEN_REFERRALS) {
                throw new IllegalArgumentException("written: at most " + MAX_WRITTEN_REFERRALS + " referrals");
            }
            explanation = referralIds.isEmpty() && written.isEmpty() ? required(explanation, "explanation")
                    : optional(explanation, "explanation");
        }

        public ReferComplaint(ComplaintRef ref, Actor actor, String explanation, List<String> referralIds) {
            this(ref, actor, explanation, referralIds, List.of());
        }

        public ReferComplaint(ComplaintRef ref, Actor actor, String explanation) {
            this(ref, actor, explanation, List.of(), List.of());
        }
    }

    /** The most businesses one can't-help may name besides the directory's. */
    public static final int MAX_WRITTEN_REFERRALS = 5;

    /**
     * A business that can help, named by the staff member (not from the directory).
     *
     * @param name    who they are ("FixIt Repairs")
     * @param contact how to reach them: phone, address or link
     * @param note    what they do or why they can help; may be empty
     */
    public record WrittenReferral(String name, String contact, String note) {
        public WrittenReferral {
            name = required(name, "referral name");
            contact = required(contact, "referral contact");
            note = optional(note, "referral note");
            if (name.length() > 200 || contact.length() > 200 || note.length() > 500) {
                throw new IllegalArgumentException("a written referral has a name and contact of at most 200 "
                        + "characters and a note of at most 500");
            }
        }
    }

    /** A note on a complaint for colleagues only; the customer never sees it. */
    public record NoteComplaint(ComplaintRef ref, Actor actor, String text) {
        public NoteComplaint {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(actor, "actor");
            if (actor.staff().isEmpty()) {
                throw new IllegalArgumentException("staffId is required: an internal note names who wrote it");
            }
            text = required(text, "text");
        }
    }

    public record ReassignComplaint(ComplaintRef ref, Actor actor, long toStaffId) {
        public ReassignComplaint {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(actor, "actor");
            if (toStaffId < 1) {
                throw new IllegalArgumentException("staffId must be a staff member's id");
            }
        }
    }

    public record ReopenComplaint(ComplaintRef ref, Actor actor, String reason) {
        public ReopenComplaint {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(actor, "actor");
            reason = optional(reason, "reason");
        }
    }

    /** The customer asked (by phone, in person) to get no more greetings and offers. */
    public record OptOutCustomer(long customerId, Actor actor) {
        public OptOutCustomer {
            if (customerId < 1) {
                throw new IllegalArgumentException("customerId must be a customer's id");
            }
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** A staff member takes a customer's request to talk to a person: they answer in that chat from now on. */
    public record TakeHandover(long requestId, Actor actor) {
        public TakeHandover {
            if (requestId < 1) {
                throw new IllegalArgumentException("requestId must be a handover request's id");
            }
            Objects.requireNonNull(actor, "actor");
            if (actor.staff().isEmpty()) {
                throw new IllegalArgumentException("staffId is required: a conversation is taken by a person");
            }
        }
    }

    /**
     * The person talking with a customer writes to them (words, photos, or both); an open request is taken by
     * writing, as in the staff chats.
     */
    public record ReplyHandover(long requestId, Actor actor, String text, List<Photo> photos) {
        public ReplyHandover {
            if (requestId < 1) {
                throw new IllegalArgumentException("requestId must be a handover request's id");
            }
            Objects.requireNonNull(actor, "actor");
            if (actor.staff().isEmpty()) {
                throw new IllegalArgumentException("staffId is required: a person writes to the customer");
            }
            photos = List.copyOf(Objects.requireNonNullElse(photos, List.<Photo>of()));
            text = photos.isEmpty() ? required(text, "text") : optional(text, "text");
        }

        /** Words only. */
        public ReplyHandover(long requestId, Actor actor, String text) {
            this(requestId, actor, text, List.of());
        }
    }

    /** The conversation with a person ends (or the request is dropped); the chat is the bot's again. */
    public record CloseHandover(long requestId, Actor actor) {
        public CloseHandover {
            if (requestId < 1) {
                throw new IllegalArgumentException("requestId must be a handover request's id");
            }
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** Another staff member looks after the customer from now on. */
    public record ReassignCustomer(long customerId, long toStaffId, Actor actor) {
        public ReassignCustomer {
            if (customerId < 1) {
                throw new IllegalArgumentException("customerId must be a customer's id");
            }
            if (toStaffId < 1) {
                throw new IllegalArgumentException("toStaffId must be a staff member's id");
            }
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** Nobody looks after the customer any more (staff chose "(none)" on the customer file). */
    public record ReleaseCustomer(long customerId, Actor actor) {
        public ReleaseCustomer {
            if (customerId < 1) {
                throw new IllegalArgumentException("customerId must be a customer's id");
            }
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** A staff member leaves: made inactive, their customers spread evenly over the active agents. */
    public record StaffLeaves(long staffId, Actor actor) {
        public StaffLeaves {
            if (staffId < 1) {
                throw new IllegalArgumentException("staffId must be a staff member's id");
            }
            Objects.requireNonNull(actor, "actor");
        }
    }

    private static String required(String text, String name) {
        String value = optional(text, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    private static String optional(String text, String name) {
        String value = text == null ? "" : text.strip();
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }
}
