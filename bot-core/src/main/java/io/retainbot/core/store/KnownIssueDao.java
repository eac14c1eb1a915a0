package io.retainbot.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(KnownIssueDao.IssueRow.class)
@RegisterConstructorMapper(KnownIssueDao.OfferRow.class)
@RegisterConstructorMapper(KnownIssueDao.CountRow.class)
interface KnownIssueDao {
    record IssueRow(long id, String title, String symptoms, String categories, String fixes, String status,
                    Instant createdAt, Instant updatedAt) {
    }

    record OfferRow(long complaintId, long knownIssueId, String title, Instant offeredAt, Boolean helped,
                    Instant answeredAt) {
    }

    record CountRow(long knownIssueId, String title, String status, long offered, long helped, long notHelped,
                    long unanswered) {
    }

    @SqlQuery("""
            insert into known_issue (title, symptoms, categories, fixes, status, created_at, updated_at)
            values (:title, cast(:symptoms as jsonb), cast(:categories as jsonb), cast(:fixes as jsonb), :status,
                    :now, :now)
            returning id, title, symptoms, categories, fixes, status, created_at, updated_at
            """)
    IssueRow insert(@Bind("title") String title, @Bind("symptoms") String symptoms,
                    @Bind("categories") String categories, @Bind("fixes") String fixes, @Bind("status") String status,
                    @Bind("now") Instant now);

    @SqlQuery("""
            update known_issue set title = :title, symptoms = cast(:symptoms as jsonb),
                   categories = cast(:categories as jsonb), fixes = cast(:fixes as jsonb), status = :status,
                   updated_at = :now
            where id = :id
            returning id, title, symptoms, categories, fixes, status, created_at, updated_at
            """)
    Optional<IssueRow> update(@Bind("id") long id, @Bind("title") String title, @Bind("symptoms") String symptoms,
                              @Bind("categories") String categories, @Bind("fixes") String fixes,
                              @Bind("status") String status, @Bind("now") Instant now);

    @SqlQuery("""
            select id, title, symptoms, categories, fixes, status, created_at, updated_at
            from known_issue where id = :id
            """)
    Optional<IssueRow> find(@Bind("id") long id);

    @SqlQuery("""
            select id, title, symptoms, categories, fixes, status, created_at, updated_at
            from known_issue order by status = 'open' desc, created_at desc, id desc
            """)
    List<IssueRow> list();

    @SqlQuery("select exists (select 1 from known_issue_offer where known_issue_id = :id)")
    boolean everOffered(@Bind("id") long id);

    @SqlUpdate("delete from known_issue where id = :id")
    int delete(@Bind("id") long id);

    @SqlUpdate("""
            insert into known_issue_offer (complaint_id, known_issue_id, offered_at)
            values (:complaintId, :knownIssueId, :at)
            on conflict (complaint_id) do nothing
            """)
    int insertOffer(@Bind("complaintId") long complaintId, @Bind("knownIssueId") long knownIssueId,
                    @Bind("at") Instant at);

    @SqlQuery("""
            select o.complaint_id, o.known_issue_id, i.title, o.offered_at, o.helped, o.answered_at
            from known_issue_offer o join known_issue i on i.id = o.known_issue_id
            where o.complaint_id = :complaintId
            """)
    Optional<OfferRow> offerOn(@Bind("complaintId") long complaintId);

    @SqlUpdate("""
            update known_issue_offer set helped = :helped, answered_at = :at
            where complaint_id = :complaintId and helped is null
            """)
    int answerOffer(@Bind("complaintId") long complaintId, @Bind("helped") boolean helped, @Bind("at") Instant at);

    @SqlQuery("""
            select i.id as known_issue_id, i.title, i.status,
                   count(o.complaint_id) as offered,
                   count(o.complaint_id) filter (where o.helped) as helped,
                   count(o.complaint_id) filter (where not o.helped) as not_helped,
                   count(o.complaint_id) filter (where o.helped is null) as unanswered
            from known_issue i
            left join known_issue_offer o on o.known_issue_id = i.id and o.offered_at >= :from and o.offered_at < :to
            group by i.id, i.title, i.status
            order by count(o.complaint_id) desc, i.id
            """)
    List<CountRow> counts(@Bind("from") Instant from, @Bind("to") Instant to);
}
