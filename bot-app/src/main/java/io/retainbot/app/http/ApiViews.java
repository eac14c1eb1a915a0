package io.retainbot.app.http;

import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintAttachment;
import io.retainbot.core.complaint.ComplaintNote;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.feedback.HandoverRequest;
import io.retainbot.core.feedback.Suggestion;
import io.retainbot.core.usecase.HandoverLine;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The JSON shapes of the REST API: stable names, no internal types leaking. */
final class ApiViews {
    private ApiViews() {
    }

    record ComplaintView(String reference, String status, String category, String description, String orderReference,
                         long customerId, String channel, String chatId, String language, Instant createdAt,
                         Instant targetAt, Instant promisedAt, Instant updatedAt, Instant closedAt,
                         Long assigneeStaffId) {
        static ComplaintView of(Complaint complaint) {
            return new ComplaintView(complaint.ref().toString(), complaint.status().code(), complaint.category(),
                    complaint.description(), complaint.orderReference(), complaint.customerId(),
                    complaint.channel().platform().code(), complaint.channel().chatId(), complaint.language(),
                    complaint.createdAt(), complaint.targetAt(), complaint.promisedAt(), complaint.updatedAt(),
                    complaint.closedAt(), complaint.assigneeStaffId());
        }
    }

    record ComplaintDetails(ComplaintView complaint, List<AttachmentView> attachments, List<NoteView> notes,
                            List<MessageView> conversation) {
    }

    /**
     * A file attached to a complaint.
     *
     * @param download where to fetch it with the admin token, when RetainBot keeps the file itself (web chat
     *                 uploads); {@code null} when the platform keeps it (Telegram, Discord)
     */
    record AttachmentView(long id, String kind, String platformFileId, String mediaType, long sizeBytes,
                          String fileName, Instant addedAt, String download) {
        static AttachmentView of(Complaint complaint, ComplaintAttachment attachment) {
            String download = attachment.file().platformFileId().startsWith("web:")
                    ? "/api/complaints/" + complaint.ref() + "/files/" + attachment.id() : null;
            return new AttachmentView(attachment.id(), attachment.file().kind().name().toLowerCase(Locale.ROOT),
                    attachment.file().platformFileId(), attachment.file().mediaType(), attachment.file().sizeBytes(),
                    attachment.file().fileName(), attachment.addedAt(), download);
        }
    }

    /**
     * @param author  customer, staff (what the customer was told), system, or internal (for colleagues only)
     * @param staffId the staff member who wrote a staff or internal note (null for the others, and for staff
     *                notes written through the API)
     * @param by      who wrote a staff or internal note: the staff member's name, or "API" for the admin token;
     *                null for the customer's and RetainBot's, and for staff notes older than this field
     */
    record NoteView(String author, String text, Instant createdAt, Long staffId, String by) {
        static NoteView of(ComplaintNote note, Function<Long, String> staffNames) {
            return new NoteView(note.author().name().toLowerCase(Locale.ROOT), note.text(), note.createdAt(),
                    note.staffId(), note.staffId() != null ? staffNames.apply(note.staffId())
                    : note.byAdminToken() ? "API" : null);
        }
    }

    /** One line of the conversation: who spoke ("customer" or "bot"), what kind of thing, a summary, when. */
    record MessageView(String from, String kind, String text, Instant at) {
        static MessageView of(Interaction interaction) {
            String from = interaction.direction() == Interaction.Direction.INBOUND ? "customer" : "bot";
            return new MessageView(from, interaction.kind(), interaction.summary(), interaction.occurredAt());
        }
    }

    record HandoverView(long id, long customerId, String channel, String chatId, String status, Instant createdAt,
                        Long takenByStaffId, Instant takenAt, Instant closedAt) {
        static HandoverView of(HandoverRequest request) {
            return new HandoverView(request.id(), request.customerId(), request.channel().platform().code(),
                    request.channel().chatId(), request.status(), request.createdAt(), request.takenByStaffId(),
                    request.takenAt(), request.closedAt());
        }
    }

    /** A request for a person with who asked, who has it and what was said around it, oldest first. */
    record HandoverTalkView(HandoverView request, String customerName, String takenByName,
                            List<TalkLineView> messages) {
    }

    /**
     * One line of a request's conversation.
     *
     * @param from      "customer", "bot", or "staff" for what a person wrote to the customer
     * @param text      the words (in full for what was said while the customer waited for or talked with a person)
     * @param staffId   who wrote a staff line (null for the others)
     * @param staffName their name (null for the others)
     * @param photos    how many photos went with the words
     */
    record TalkLineView(String from, String kind, String text, Long staffId, String staffName, int photos,
                        Instant at) {
        static TalkLineView of(HandoverLine line, Function<Long, String> staffNames) {
            String from = line.fromCustomer() ? "customer" : line.fromStaff() ? "staff" : "bot";
            return new TalkLineView(from, line.kind(), line.text(), line.staffId(),
                    line.fromStaff() ? staffNames.apply(line.staffId()) : null, line.photos().size(), line.at());
        }
    }

    record SuggestionView(long id, long customerId, String channel, String text, Instant createdAt) {
        static SuggestionView of(Suggestion suggestion) {
            return new SuggestionView(suggestion.id(), suggestion.customerId(),
                    suggestion.channel().platform().code(), suggestion.text(), suggestion.createdAt());
        }
    }

    record Problem(String error) {
    }

    record Page<T>(List<T> items, int limit, int offset) {
    }
}
