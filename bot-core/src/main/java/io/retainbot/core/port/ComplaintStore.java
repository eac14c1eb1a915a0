package io.retainbot.core.port;

import io.retainbot.core.chat.FileRef;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintAttachment;
import io.retainbot.core.complaint.ComplaintNote;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.ComplaintStatus;
import io.retainbot.core.complaint.NewComplaint;
import io.retainbot.core.staff.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Complaints with their files and notes. */
public interface ComplaintStore {
    /** Files the complaint with its files; the store assigns the reference. */
    Complaint file(NewComplaint complaint);

    /** Files the complaint under a reference taken earlier with {@link #reserveReference}. */
    Complaint file(NewComplaint complaint, ComplaintRef reserved);

    /**
     * Takes the next reference for a complaint being filed, so what is said while filing can be linked
     * to it; a reference whose filing is cancelled is never used.
     */
    ComplaintRef reserveReference();

    Optional<Complaint> find(ComplaintRef ref);

    Optional<Complaint> byId(long complaintId);

    /** The open and in-progress complaints a staff member holds, nearest promise first. */
    List<Complaint> activeAssignedTo(long staffId, int limit);

    /** The open and in-progress complaints nobody holds, nearest promise first. */
    List<Complaint> unclaimed(int limit);

    /** The customer's complaints, newest first. */
    List<Complaint> forCustomer(long customerId, int limit);

    /** All complaints, newest first, optionally only those in {@code status}. */
    List<Complaint> list(Optional<ComplaintStatus> status, int limit, int offset);

    void attach(long complaintId, List<FileRef> files, Instant at);

    /** A note by the customer or RetainBot; a staff note names its writer ({@link #addStaffNote}). */
    void addNote(long complaintId, ComplaintNote.Author author, String text, Instant at);

    /**
     * What staff told the customer, with who wrote it: a staff member, or the holder of the admin token (the REST
     * API).
     */
    void addStaffNote(long complaintId, Actor actor, String text, Instant at);

    /** A note by staff member {@code staffId} for colleagues, never shown to the customer. */
    void addInternalNote(long complaintId, long staffId, String text, Instant at);

    /** Withdraws an active complaint; false when it was no longer active. */
    boolean withdraw(long complaintId, Instant at);

    /**
     * Takes an active complaint on: assigns it to {@code staffId} (null: nobody in particular, the API)
     * and moves it to in progress; false when it was not active, or another staff member holds it (one of
     * two staff claiming at once finds the other's claim here, after it committed).
     */
    boolean claim(long complaintId, Long staffId, Instant at);

    /** Gives an active complaint to another staff member; false when it was not active. */
    boolean reassign(long complaintId, long staffId, Instant at);

    /** Closes an active complaint as resolved or referred; false when it was not active. */
    boolean close(long complaintId, ComplaintStatus outcome, Instant at);

    /** Opens a resolved or referred complaint again (in progress if it has an assignee); false otherwise. */
    boolean reopen(long complaintId, Instant at);

    /** When the complaint should be resolved by (its category's resolution target in opening time). */
    void setResolutionDue(long complaintId, Instant at);

    /** The business answered the customer (the first time counts); false when there is no such complaint. */
    boolean markResponded(long complaintId, Instant at);

    /** Records how easy it was, 1 to 5 (a later answer replaces it). */
    void rateEffort(long complaintId, int score, Instant at);

    /** When the business first answered the customer about the complaint, if it did. */
    Optional<Instant> firstResponseAt(long complaintId);

    /** When the customer last answered a survey question about the complaint, if ever. */
    Optional<Instant> surveyAnsweredAt(long complaintId);

    /** Records a survey answer (a later answer to the same question replaces it). */
    void rateSatisfaction(long complaintId, int score, Instant at);

    /** The satisfaction score the customer gave, if any. */
    java.util.OptionalInt satisfaction(long complaintId);

    List<ComplaintAttachment> attachments(long complaintId);

    List<ComplaintNote> notes(long complaintId);
}
