package io.retainbot.app.http;

import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintAttachment;
import io.retainbot.core.complaint.ComplaintNote;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.feedback.HandoverRequest;
import io.retainbot.core.feedback.Suggestion;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

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

    /** @param staffId who wrote an internal note (null for the other authors) */
    record NoteView(String author, String text, Instant createdAt, Long staffId) {
        static NoteView of(ComplaintNote note) {
            return new NoteView(note.author().name().toLowerCase(Locale.ROOT), note.text(), note.createdAt(),
                    note.author() == ComplaintNote.Author.INTERNAL ? note.staffId() : null);
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
                            List<MessageView> messages) {
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
