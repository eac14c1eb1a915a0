package io.retainbot.core.store;

import static io.retainbot.core.store.JdbcStatements.instant;
import static io.retainbot.core.store.JdbcStatements.nullableLong;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.FileRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintAttachment;
import io.retainbot.core.complaint.ComplaintNote;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.ComplaintStatus;
import io.retainbot.core.complaint.NewComplaint;
import io.retainbot.core.port.ComplaintStore;
import io.retainbot.core.staff.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

final class JdbiComplaintStore implements ComplaintStore {
    static final String NEXT_NUMBER = "select nextval('complaint_number')";
    /** Filing with the number reserved when the intake started (every filed complaint of the chat runs it). */
    private static final String INSERT_NUMBERED = """
            insert into complaint (number, customer_id, platform, chat_id, category, description, order_reference,
                                   language, intake_started_at, created_at, target_at, promised_at, updated_at)
            values (?, ?, ?, ?, ?, ?, nullif(?, ''), ?, ?, ?, ?, ?, ?)
            returning
            """ + ComplaintDao.COLUMNS;
    private static final String FIND_BY_NUMBER = "select " + ComplaintDao.COLUMNS + " from complaint where number = ?";

    private final JdbcStatements statements;
    private final Supplier<ComplaintDao> daos;

    /**
     * The DAO is attached only when a call needs it: reserving a number (every new intake), filing with
     * it and finding a complaint by its number need none.
     */
    JdbiComplaintStore(JdbcStatements statements, Supplier<ComplaintDao> daos) {
        this.statements = statements;
        this.daos = daos;
    }

    private ComplaintDao dao() {
        return daos.get();
    }

    @Override
    public Complaint file(NewComplaint complaint) {
        ComplaintDao.Row row = dao().insert(newRow(complaint));
        attach(row.id(), complaint.files(), complaint.createdAt());
        return toComplaint(row);
    }

    @Override
    public Complaint file(NewComplaint complaint, ComplaintRef reserved) {
        ComplaintDao.NewRow fresh = newRow(complaint);
        ComplaintDao.Row row = statements.first(INSERT_NUMBERED, JdbiComplaintStore::row, reserved.number(),
                fresh.customerId(), fresh.platform(), fresh.chatId(), fresh.category(), fresh.description(),
                fresh.orderReference(), fresh.language(), fresh.intakeStartedAt(), fresh.createdAt(), fresh.targetAt(),
                fresh.promisedAt(), fresh.createdAt()).orElseThrow();
        attach(row.id(), complaint.files(), complaint.createdAt());
        return toComplaint(row);
    }

    @Override
    public ComplaintRef reserveReference() {
        return new ComplaintRef(statements.first(NEXT_NUMBER, row -> row.getLong(1)).orElseThrow());
    }

    private static ComplaintDao.NewRow newRow(NewComplaint complaint) {
        return new ComplaintDao.NewRow(complaint.customerId(),
                complaint.channel().platform().code(), complaint.channel().chatId(), complaint.category(),
                TextSanitizer.withoutNul(complaint.description()),
                TextSanitizer.withoutNul(complaint.orderReference()), complaint.language(),
                complaint.intakeStartedAt(), complaint.createdAt(), complaint.targetAt(), complaint.promisedAt());
    }

    @Override
    public Optional<Complaint> find(ComplaintRef ref) {
        return statements.first(FIND_BY_NUMBER, JdbiComplaintStore::row, ref.number())
                .map(JdbiComplaintStore::toComplaint);
    }

    @Override
    public Optional<Complaint> byId(long complaintId) {
        return dao().findById(complaintId).map(JdbiComplaintStore::toComplaint);
    }

    @Override
    public List<Complaint> activeAssignedTo(long staffId, int limit) {
        return dao().activeAssignedTo(staffId, limit).stream().map(JdbiComplaintStore::toComplaint).toList();
    }

    @Override
    public List<Complaint> unclaimed(int limit) {
        return dao().unclaimed(limit).stream().map(JdbiComplaintStore::toComplaint).toList();
    }

    @Override
    public List<Complaint> forCustomer(long customerId, int limit) {
        return dao().forCustomer(customerId, limit).stream().map(JdbiComplaintStore::toComplaint).toList();
    }

    @Override
    public List<Complaint> list(Optional<ComplaintStatus> status, int limit, int offset) {
        return dao().list(status.map(ComplaintStatus::code).orElse(null), limit, offset).stream()
                .map(JdbiComplaintStore::toComplaint).toList();
    }

    @Override
    public void attach(long complaintId, List<FileRef> files, Instant at) {
        if (files.isEmpty()) {
            return;
        }
        dao().insertAttachments(files.stream()
                .map(file -> new ComplaintDao.AttachmentRow(0, complaintId, TextSanitizer.withoutNul(file.platformFileId()),
                        file.kind().name().toLowerCase(Locale.ROOT), TextSanitizer.withoutNul(file.mediaType()),
                        file.sizeBytes(), TextSanitizer.withoutNul(file.fileName()), at))
                .toList());
        dao().touch(complaintId, at);
    }

    @Override
    public void addNote(long complaintId, ComplaintNote.Author author, String text, Instant at) {
        if (author == ComplaintNote.Author.INTERNAL || author == ComplaintNote.Author.STAFF) {
            throw new IllegalArgumentException("a staff note names its writer: use addStaffNote or addInternalNote");
        }
        dao().insertNote(complaintId, author.name().toLowerCase(Locale.ROOT), TextSanitizer.withoutNul(text), at);
        dao().touch(complaintId, at);
    }

    @Override
    public void addStaffNote(long complaintId, Actor actor, String text, Instant at) {
        dao().insertStaffNote(complaintId, actor.staffId(), actor.staff().isEmpty(), TextSanitizer.withoutNul(text), at);
        dao().touch(complaintId, at);
    }

    @Override
    public void addInternalNote(long complaintId, long staffId, String text, Instant at) {
        dao().insertInternalNote(complaintId, staffId, TextSanitizer.withoutNul(text), at);
        dao().touch(complaintId, at);
    }

    @Override
    public boolean withdraw(long complaintId, Instant at) {
        return dao().withdraw(complaintId, at) == 1;
    }

    @Override
    public boolean claim(long complaintId, Long staffId, Instant at) {
        return dao().claim(complaintId, staffId, at) == 1;
    }

    @Override
    public boolean reassign(long complaintId, long staffId, Instant at) {
        return dao().reassign(complaintId, staffId, at) == 1;
    }

    @Override
    public boolean close(long complaintId, ComplaintStatus outcome, Instant at) {
        if (outcome != ComplaintStatus.RESOLVED && outcome != ComplaintStatus.REFERRED) {
            throw new IllegalArgumentException("a complaint closes as resolved or referred, not " + outcome);
        }
        return dao().close(complaintId, outcome.code(), at) == 1;
    }

    @Override
    public boolean reopen(long complaintId, Instant at) {
        return dao().reopen(complaintId, at) == 1;
    }

    @Override
    public void rateSatisfaction(long complaintId, int score, Instant at) {
        dao().rateSatisfaction(complaintId, score, at);
    }

    @Override
    public void setResolutionDue(long complaintId, Instant at) {
        dao().setResolutionDue(complaintId, at);
    }

    @Override
    public boolean markResponded(long complaintId, Instant at) {
        return dao().markResponded(complaintId, at) == 1;
    }

    @Override
    public Optional<Instant> firstResponseAt(long complaintId) {
        return dao().firstResponseAt(complaintId);
    }

    @Override
    public void rateEffort(long complaintId, int score, Instant at) {
        dao().rateEffort(complaintId, score, at);
    }

    @Override
    public Optional<Instant> surveyAnsweredAt(long complaintId) {
        return dao().surveyAnsweredAt(complaintId);
    }

    @Override
    public OptionalInt satisfaction(long complaintId) {
        return dao().satisfaction(complaintId).map(OptionalInt::of).orElseGet(OptionalInt::empty);
    }

    @Override
    public List<ComplaintAttachment> attachments(long complaintId) {
        return dao().attachments(complaintId).stream()
                .map(row -> new ComplaintAttachment(row.id(), row.complaintId(),
                        new FileRef(row.platformFileId(), FileRef.Kind.valueOf(row.kind().toUpperCase(Locale.ROOT)),
                                row.mediaType(), row.sizeBytes(), row.fileName()),
                        row.addedAt()))
                .toList();
    }

    @Override
    public List<ComplaintNote> notes(long complaintId) {
        return dao().notes(complaintId).stream()
                .map(row -> new ComplaintNote(row.id(), row.complaintId(),
                        ComplaintNote.Author.valueOf(row.author().toUpperCase(Locale.ROOT)), row.text(), row.createdAt(),
                        row.staffId(), row.byAdminToken()))
                .toList();
    }

    /** A row of {@link ComplaintDao#COLUMNS}, read by hand (see {@link JdbcStatements}). */
    private static ComplaintDao.Row row(ResultSet row) throws SQLException {
        return new ComplaintDao.Row(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getString(9), row.getString(10),
                instant(row, 11), instant(row, 12), instant(row, 13), instant(row, 14), instant(row, 15),
                instant(row, 16), nullableLong(row, 17));
    }

    private static Complaint toComplaint(ComplaintDao.Row row) {
        return new Complaint(row.id(), new ComplaintRef(row.number()), row.customerId(),
                new ChannelRef(Platform.fromCode(row.platform()), row.chatId()), row.category(), row.description(),
                row.orderReference(), ComplaintStatus.fromCode(row.status()), row.language(), row.intakeStartedAt(),
                row.createdAt(), row.targetAt(), row.promisedAt(), row.updatedAt(), row.closedAt(),
                row.assigneeStaffId());
    }
}
