package io.retainbot.core.complaint;

import io.retainbot.core.chat.FileRef;
import java.time.Instant;

/** A file attached to a complaint, kept as the platform's reference. */
public record ComplaintAttachment(long id, long complaintId, FileRef file, Instant addedAt) {
}
