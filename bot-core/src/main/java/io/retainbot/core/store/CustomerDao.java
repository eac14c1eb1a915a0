package io.retainbot.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(CustomerDao.Row.class)
@RegisterConstructorMapper(CustomerDao.IdentityRow.class)
interface CustomerDao {
    String COLUMNS = """
            c.id, c.display_name, c.form_of_address, c.gender, c.birth_month, c.birth_day, c.birth_year, c.language,
            c.time_zone, c.phone, c.email, c.company, c.industry, c.occupation, c.position, c.needs, c.pain_points,
            c.notes, c.tone, c.source_channel, c.introducer_id, c.tier, c.responsible_staff_id, c.consent_granted,
            c.consent_answered_at, c.consent_source, c.created_at, c.updated_at, c.last_contact_at,
            array(select t.tag from customer_tag t where t.customer_id = c.id order by t.tag) as tags
            """;

    /** The profile columns, as written by insert and update. */
    record ProfileRow(String displayName, String formOfAddress, String gender, Integer birthMonth, Integer birthDay,
                      Integer birthYear, String language, String timeZone, String phone, String email,
                      String company, String industry, String occupation, String position, String needs,
                      String painPoints, String notes, String tone, String sourceChannel, Long introducerId,
                      String tier, Long responsibleStaffId) {
    }

    record Row(long id, String displayName, String formOfAddress, String gender, Integer birthMonth,
               Integer birthDay, Integer birthYear, String language, String timeZone, String phone, String email,
               String company, String industry, String occupation, String position, String needs,
               String painPoints, String notes, String tone, String sourceChannel, Long introducerId, String tier,
               Long responsibleStaffId, boolean consentGranted, Instant consentAnsweredAt, String consentSource,
               Instant createdAt, Instant updatedAt, Instant lastContactAt, String[] tags) {
    }

    record IdentityRow(String platform, String userId, long customerId, String chatId, String displayName,
                       Instant unreachableSince, String unreachableReason, Instant createdAt, Instant lastSeenAt) {
    }

    @SqlQuery("select " + COLUMNS + " from customer c where c.id = :id")
    Optional<Row> find(@Bind("id") long id);

    @SqlQuery("select " + COLUMNS + " from customer c where c.id = :id for update")
    Optional<Row> lock(@Bind("id") long id);

    @SqlQuery("select " + COLUMNS + """
            from customer c
            join channel_identity i on i.customer_id = c.id
            where i.platform = :platform and i.user_id = :userId
            """)
    Optional<Row> findByIdentity(@Bind("platform") String platform, @Bind("userId") String userId);

    @SqlUpdate("""
            update customer set display_name = :displayName, form_of_address = :formOfAddress, gender = :gender,
                   birth_month = :birthMonth, birth_day = :birthDay, birth_year = :birthYear, language = :language,
                   time_zone = :timeZone,
                   time_zone_cleared = case when cast(:timeZone as text) is null
                                            then time_zone is not null or time_zone_cleared else false end,
                   phone = :phone, email = :email, company = :company, industry = :industry,
                   occupation = :occupation, position = :position, needs = :needs, pain_points = :painPoints,
                   notes = :notes, tone = :tone, source_channel = :sourceChannel, introducer_id = :introducerId,
                   tier = :tier, responsible_staff_id = :responsibleStaffId, updated_at = :now
            where id = :id
            """)
    int update(@Bind("id") long id, @BindMethods ProfileRow profile, @Bind("now") Instant now);

    @SqlUpdate("""
            update customer set consent_granted = :granted, consent_answered_at = :now, consent_source = :source,
                   updated_at = :now
            where id = :id
            """)
    int recordConsent(@Bind("id") long id, @Bind("granted") boolean granted, @Bind("source") String source,
                      @Bind("now") Instant now);

    @SqlUpdate("update customer set language = :language, updated_at = :now where id = :id")
    int setLanguage(@Bind("id") long id, @Bind("language") String language, @Bind("now") Instant now);

    @SqlUpdate("""
            update customer set time_zone = :zone, updated_at = :now
            where id = :id and time_zone is null and not time_zone_cleared
            """)
    int setZoneIfNone(@Bind("id") long id, @Bind("zone") String zone, @Bind("now") Instant now);

    @SqlUpdate("update customer set tone = :tone, updated_at = :now where id = :id")
    int setTone(@Bind("id") long id, @Bind("tone") String tone, @Bind("now") Instant now);

    @SqlUpdate("""
            update customer set birth_month = :month, birth_day = :day, birth_year = :year, updated_at = :now
            where id = :id
            """)
    int setBirthday(@Bind("id") long id, @Bind("month") int month, @Bind("day") int day, @Bind("year") Integer year,
                    @Bind("now") Instant now);

    @SqlQuery("select exists (select 1 from birthday_question where customer_id = :id)")
    boolean birthdayAsked(@Bind("id") long id);

    @SqlUpdate("""
            insert into birthday_question (customer_id, asked_at) values (:id, :now) on conflict do nothing
            """)
    int noteBirthdayAsked(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("update birthday_question set answered_at = :now where customer_id = :id and answered_at is null")
    int noteBirthdayAnswered(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("insert into customer_tag (customer_id, tag) values (:id, :tag) on conflict do nothing")
    int addTag(@Bind("id") long id, @Bind("tag") String tag);

    @SqlUpdate("delete from customer_tag where customer_id = :id and tag = :tag")
    int removeTag(@Bind("id") long id, @Bind("tag") String tag);

    @SqlQuery("select " + COLUMNS + """
            from customer c
            where (cast(:phoneDigits as text) is null
                   or strpos(regexp_replace(coalesce(c.phone, ''), '[^0-9]', '', 'g'), :phoneDigits) > 0)
              and (cast(:namePattern as text) is null or lower(c.display_name) like :namePattern escape '\\')
              and (cast(:tag as text) is null
                   or exists (select 1 from customer_tag t where t.customer_id = c.id and t.tag = :tag))
              and (cast(:tier as text) is null or c.tier = :tier)
              and (cast(:staffId as bigint) is null or c.responsible_staff_id = :staffId)
            order by c.created_at desc, c.id desc
            limit :limit offset :offset
            """)
    List<Row> search(@Bind("namePattern") String namePattern, @Bind("tag") String tag, @Bind("tier") String tier,
                     @Bind("staffId") Long staffId, @Bind("phoneDigits") String phoneDigits, @Bind("limit") int limit,
                     @Bind("offset") int offset);

    @SqlQuery("select " + COLUMNS + """
            from customer c
            where c.phone is not null
              and (regexp_replace(c.phone, '[^0-9]', '', 'g') like '%' || :digits
                   or (length(regexp_replace(c.phone, '[^0-9]', '', 'g')) >= 6
                       and :digits like '%' || regexp_replace(c.phone, '[^0-9]', '', 'g')))
            order by c.created_at desc, c.id desc
            limit :limit
            """)
    List<Row> withPhoneDigits(@Bind("digits") String digits, @Bind("limit") int limit);

    @SqlQuery("select * from channel_identity where platform = :platform and user_id = :userId")
    Optional<IdentityRow> identity(@Bind("platform") String platform, @Bind("userId") String userId);

    @SqlQuery("select * from channel_identity where customer_id = :customerId order by created_at, platform, user_id")
    List<IdentityRow> identities(@Bind("customerId") long customerId);

    @SqlUpdate("""
            update channel_identity set unreachable_since = coalesce(unreachable_since, :now), unreachable_reason = :reason
            where platform = :platform and chat_id = :chatId
            """)
    int markUnreachable(@Bind("platform") String platform, @Bind("chatId") String chatId,
                        @Bind("reason") String reason, @Bind("now") Instant now);

    // Merging: every table that points at a customer moves to the survivor.

    @SqlUpdate("update channel_identity set customer_id = :survivor where customer_id = :absorbed")
    int moveIdentities(@Bind("survivor") long survivor, @Bind("absorbed") long absorbed);

    @SqlUpdate("""
            insert into customer_tag (customer_id, tag)
            select :survivor, tag from customer_tag where customer_id = :absorbed
            on conflict do nothing
            """)
    int copyTags(@Bind("survivor") long survivor, @Bind("absorbed") long absorbed);

    @SqlUpdate("update interaction set customer_id = :survivor where customer_id = :absorbed")
    int moveInteractions(@Bind("survivor") long survivor, @Bind("absorbed") long absorbed);

    @SqlUpdate("update complaint set customer_id = :survivor where customer_id = :absorbed")
    int moveComplaints(@Bind("survivor") long survivor, @Bind("absorbed") long absorbed);

    @SqlUpdate("update conversation set customer_id = :survivor where customer_id = :absorbed")
    int moveConversations(@Bind("survivor") long survivor, @Bind("absorbed") long absorbed);

    @SqlUpdate("update suggestion set customer_id = :survivor where customer_id = :absorbed")
    int moveSuggestions(@Bind("survivor") long survivor, @Bind("absorbed") long absorbed);

    @SqlUpdate("update handover_request set customer_id = :survivor where customer_id = :absorbed")
    int moveHandoverRequests(@Bind("survivor") long survivor, @Bind("absorbed") long absorbed);

    @SqlUpdate("update outbox set customer_id = :survivor where customer_id = :absorbed")
    int moveOutbox(@Bind("survivor") long survivor, @Bind("absorbed") long absorbed);

    @SqlUpdate("update domain_event set customer_id = :survivor where customer_id = :absorbed")
    int moveDomainEvents(@Bind("survivor") long survivor, @Bind("absorbed") long absorbed);

    @SqlUpdate("update customer_owner_change set customer_id = :survivor where customer_id = :absorbed")
    int moveOwnerChanges(@Bind("survivor") long survivor, @Bind("absorbed") long absorbed);

    @SqlUpdate("""
            update customer set introducer_id = case when id = :survivor then null else :survivor end
            where introducer_id = :absorbed
            """)
    int moveIntroductions(@Bind("survivor") long survivor, @Bind("absorbed") long absorbed);

    @SqlUpdate("""
            update customer s set
                consent_granted = case when a.consent_answered_at > coalesce(s.consent_answered_at, '-infinity')
                                       then a.consent_granted else s.consent_granted end,
                consent_source = case when a.consent_answered_at > coalesce(s.consent_answered_at, '-infinity')
                                      then a.consent_source else s.consent_source end,
                consent_answered_at = greatest(s.consent_answered_at, a.consent_answered_at),
                created_at = least(s.created_at, a.created_at),
                last_contact_at = greatest(s.last_contact_at, a.last_contact_at),
                updated_at = :now
            from customer a
            where s.id = :survivor and a.id = :absorbed
            """)
    int mergeHistoryFields(@Bind("survivor") long survivor, @Bind("absorbed") long absorbed, @Bind("now") Instant now);

    @SqlUpdate("""
            update offer_code set customer_id = :survivor
            where customer_id = :absorbed
              and campaign not in (select campaign from offer_code where customer_id = :survivor)
            """)
    int moveOffers(@Bind("survivor") long survivor, @Bind("absorbed") long absorbed);

    /** A merged customer's broadcast deliveries go with them (delivery has no foreign key to cascade, see V28). */
    @SqlUpdate("delete from delivery where customer_id = :absorbed")
    int dropDeliveries(@Bind("absorbed") long absorbed);

    @SqlUpdate("delete from customer where id = :id")
    int delete(@Bind("id") long id);

    // Paging through the whole file, for exports.

    @SqlQuery("select " + COLUMNS + " from customer c where c.id > :afterId order by c.id limit :limit")
    List<Row> page(@Bind("afterId") long afterId, @Bind("limit") int limit);

    @SqlQuery("select " + COLUMNS + " from customer c where c.id = any(:ids) order by c.id")
    List<Row> findAll(@Bind("ids") long[] ids);

    @SqlQuery("""
            select * from channel_identity where customer_id = any(:customerIds)
            order by customer_id, created_at, platform, user_id
            """)
    List<IdentityRow> identitiesOf(@Bind("customerIds") long[] customerIds);
}
