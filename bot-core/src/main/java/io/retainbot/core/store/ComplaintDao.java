package io.retainbot.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ComplaintDao.Row.class)
@RegisterConstructorMapper(ComplaintDao.AttachmentRow.class)
@RegisterConstructorMapper(ComplaintDao.NoteRow.class)
interface ComplaintDao {
    String COLUMNS = """
            id, number, customer_id, platform, chat_id, category, description, order_reference, status, language,
            intake_started_at, created_at, target_at, promised_at, updated_at, closed_at, assignee_staff_id
            """;

    record Row(long id, long number, long customerId, String platform, String chatId, String category,
               String description, String orderReference, String status, String language, Instant intakeStartedAt,
               Instant createdAt, Instant targetAt, Instant promisedAt, Instant updatedAt, Instant closedAt,
               Long assigneeStaffId) {
    }

    record NewRow(long customerId, String platform, String chatId, String category, String description,
                  String orderReference, String language, Instant intakeStartedAt, Instant createdAt,
                  Instant targetAt, Instant promisedAt) {
    }

    record AttachmentRow(long id, long complaintId, String platformFileId, String kind, String mediaType,
                         long sizeBytes, String fileName, Instant addedAt) {
    }

    record NoteRow(long id, long complaintId, String author, String text, Instant createdAt, Long staffId,
                   boolean byAdminToken) {
    }

    @SqlQuery("""
            insert into complaint (customer_id, platform, chat_id, category, description, order_reference, language,
                                   intake_started_at, created_at, target_at, promised_at, updated_at)
            values (:customerId, :platform, :chatId, :category, :description, nullif(:orderReference, ''), :language,
                    :intakeStartedAt, :createdAt, :targetAt, :promisedAt, :createdAt)
            returning
            """ + COLUMNS)
    Row insert(@BindMethods NewRow row);

    @SqlQuery("select " + COLUMNS + " from complaint where id = :id")
    Optional<Row> findById(@Bind("id") long id);

    @SqlQuery("select " + COLUMNS + """
            from complaint
            where assignee_staff_id = :staffId and status in ('open', 'in_progress')
            order by promised_at nulls last, id limit :limit
            """)
    List<Row> activeAssignedTo(@Bind("staffId") long staffId, @Bind("limit") int limit);

    @SqlQuery("select " + COLUMNS + """
            from complaint
            where assignee_staff_id is null and status in ('open', 'in_progress')
            order by promised_at nulls last, id limit :limit
            """)
    List<Row> unclaimed(@Bind("limit") int limit);

    @SqlQuery("select " + COLUMNS + " from complaint where customer_id = :customerId order by created_at desc, id desc limit :limit")
    List<Row> forCustomer(@Bind("customerId") long customerId, @Bind("limit") int limit);

    @SqlQuery("select " + COLUMNS + """
            from complaint
            where (cast(:status as text) is null or status = :status)
            order by created_at desc, id desc
            limit :limit offset :offset
            """)
    List<Row> list(@Bind("status") String status, @Bind("limit") int limit, @Bind("offset") int offset);

    @SqlBatch("""
            insert into complaint_attachment (complaint_id, platform_file_id, kind, media_type, size_bytes, file_name, added_at)
            values (:complaintId, :platformFileId, :kind, :mediaType, :sizeBytes, :fileName, :addedAt)
            """)
    void insertAttachments(@BindMethods List<AttachmentRow> rows);

    @SqlUpdate("""
            insert into complaint_note (complaint_id, author, text, created_at) values (:complaintId, :author, :text, :at)
            """)
    void insertNote(@Bind("complaintId") long complaintId, @Bind("author") String author, @Bind("text") String text,
                    @Bind("at") Instant at);

    @SqlUpdate("""
            insert into complaint_note (complaint_id, author, text, created_at, staff_id, by_admin_token)
            values (:complaintId, 'staff', :text, :at, :staffId, :byAdminToken)
            """)
    void insertStaffNote(@Bind("complaintId") long complaintId, @Bind("staffId") Long staffId,
                         @Bind("byAdminToken") boolean byAdminToken, @Bind("text") String text, @Bind("at") Instant at);

    @SqlUpdate("""
            insert into complaint_note (complaint_id, author, text, created_at, staff_id)
            values (:complaintId, 'internal', :text, :at, :staffId)
            """)
    void insertInternalNote(@Bind("complaintId") long complaintId, @Bind("staffId") long staffId,
                            @Bind("text") String text, @Bind("at") Instant at);

    @SqlUpdate("update complaint set updated_at = :at where id = :id")
    void touch(@Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate("""
            update complaint set status = 'withdrawn', closed_at = :at, updated_at = :at
            where id = :id and status in ('open', 'in_progress')
            """)
    int withdraw(@Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate("""
            update complaint set status = 'in_progress', assignee_staff_id = coalesce(:staffId, assignee_staff_id),
                   claimed_at = coalesce(claimed_at, :at), updated_at = :at
            where id = :id and status in ('open', 'in_progress')
              and (cast(:staffId as bigint) is null or assignee_staff_id is null or assignee_staff_id = :staffId)
            """)
    int claim(@Bind("id") long id, @Bind("staffId") Long staffId, @Bind("at") Instant at);

    @SqlUpdate("""
            update complaint set assignee_staff_id = :staffId, updated_at = :at
            where id = :id and status in ('open', 'in_progress')
            """)
    int reassign(@Bind("id") long id, @Bind("staffId") long staffId, @Bind("at") Instant at);

    @SqlUpdate("""
            update complaint set status = :status, closed_at = :at, resolved_at = :at, updated_at = :at
            where id = :id and status in ('open', 'in_progress')
            """)
    int close(@Bind("id") long id, @Bind("status") String status, @Bind("at") Instant at);

    @SqlUpdate("""
            update complaint
            set status = case when assignee_staff_id is null then 'open' else 'in_progress' end,
                closed_at = null, resolved_at = null, updated_at = :at
            where id = :id and status in ('resolved', 'referred')
            """)
    int reopen(@Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate("""
            insert into satisfaction_answer (complaint_id, question, score, answered_at)
            values (:complaintId, 'satisfaction', :score, :at)
            on conflict (complaint_id, question) do update set score = excluded.score, answered_at = excluded.answered_at
            """)
    void rateSatisfaction(@Bind("complaintId") long complaintId, @Bind("score") int score, @Bind("at") Instant at);

    @SqlUpdate("""
            insert into satisfaction_answer (complaint_id, question, score, answered_at)
            values (:complaintId, 'effort', :score, :at)
            on conflict (complaint_id, question) do update set score = excluded.score, answered_at = excluded.answered_at
            """)
    void rateEffort(@Bind("complaintId") long complaintId, @Bind("score") int score, @Bind("at") Instant at);

    @SqlUpdate("update complaint set resolution_due_at = :at where id = :id")
    void setResolutionDue(@Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate("update complaint set first_response_at = coalesce(first_response_at, :at) where id = :id")
    int markResponded(@Bind("id") long id, @Bind("at") Instant at);

    @SqlQuery("select first_response_at from complaint where id = :id and first_response_at is not null")
    Optional<Instant> firstResponseAt(@Bind("id") long id);

    @SqlQuery("select answered_at from satisfaction_answer where complaint_id = :complaintId order by answered_at desc limit 1")
    Optional<Instant> surveyAnsweredAt(@Bind("complaintId") long complaintId);

    @SqlQuery("select score from satisfaction_answer where complaint_id = :complaintId and question = 'satisfaction'")
    Optional<Integer> satisfaction(@Bind("complaintId") long complaintId);

    @SqlQuery("""
            select id, complaint_id, platform_file_id, kind, media_type, size_bytes, file_name, added_at
            from complaint_attachment where complaint_id = :complaintId order by id
            """)
    List<AttachmentRow> attachments(@Bind("complaintId") long complaintId);

    @SqlQuery("""
            select id, complaint_id, author, text, created_at, staff_id, by_admin_token from complaint_note
            where complaint_id = :complaintId order by id
            """)
    List<NoteRow> notes(@Bind("complaintId") long complaintId);
}
