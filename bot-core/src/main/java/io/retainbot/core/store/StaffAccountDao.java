package io.retainbot.core.store;

import io.retainbot.core.staff.AccountChange;
import io.retainbot.core.staff.ConsoleSession;
import io.retainbot.core.staff.StaffCredential;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(StaffCredential.class)
@RegisterConstructorMapper(ConsoleSession.class)
@RegisterConstructorMapper(AccountChange.class)
interface StaffAccountDao {
    @SqlQuery("""
            select staff_id, login, password_hash, changed_at from staff_credential
            where lower(login) = lower(:login)
            """)
    Optional<StaffCredential> byLogin(@Bind("login") String login);

    @SqlQuery("""
            select c.staff_id, c.login, c.password_hash, c.changed_at from staff_credential c
            join staff s on s.id = c.staff_id
            where lower(s.name) = lower(:name)
              and (select count(*) from staff same where lower(same.name) = lower(:name)) = 1
            """)
    Optional<StaffCredential> byName(@Bind("name") String name);

    @SqlQuery("select staff_id, login, password_hash, changed_at from staff_credential where staff_id = :staffId")
    Optional<StaffCredential> of(@Bind("staffId") long staffId);

    @SqlQuery("select staff_id from staff_credential where lower(login) = lower(:login)")
    Optional<Long> holderOf(@Bind("login") String login);

    @SqlUpdate("""
            insert into staff_credential (staff_id, login, password_hash, changed_at)
            values (:staffId, :login, :hash, :now)
            on conflict (staff_id) do update
            set login = excluded.login, password_hash = excluded.password_hash, changed_at = excluded.changed_at
            """)
    void put(@Bind("staffId") long staffId, @Bind("login") String login, @Bind("hash") String hash,
             @Bind("now") Instant now);

    @SqlQuery("""
            select exists (select 1 from staff_credential c join staff s on s.id = c.staff_id
                           where s.role = 'admin' and s.active)
            """)
    boolean adminCanSignIn();

    @SqlUpdate("""
            insert into console_session (token_sha256, staff_id, csrf_token, created_at, last_seen_at, expires_at)
            values (:tokenSha256, :staffId, :csrfToken, :createdAt, :lastSeenAt, :expiresAt)
            """)
    void open(@Bind("tokenSha256") String tokenSha256, @Bind("staffId") long staffId,
              @Bind("csrfToken") String csrfToken, @Bind("createdAt") Instant createdAt,
              @Bind("lastSeenAt") Instant lastSeenAt, @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("""
            select token_sha256, staff_id, csrf_token, created_at, last_seen_at, expires_at
            from console_session where token_sha256 = :token
            """)
    Optional<ConsoleSession> session(@Bind("token") String tokenSha256);

    @SqlUpdate("update console_session set last_seen_at = :now, expires_at = :expires where token_sha256 = :token")
    void touch(@Bind("token") String tokenSha256, @Bind("now") Instant now, @Bind("expires") Instant expiresAt);

    @SqlUpdate("delete from console_session where token_sha256 = :token")
    void close(@Bind("token") String tokenSha256);

    @SqlUpdate("delete from console_session where staff_id = :staffId and token_sha256 <> :keep")
    void closeOf(@Bind("staffId") long staffId, @Bind("keep") String keepTokenSha256);

    @SqlUpdate("delete from console_session where expires_at < :now")
    int closeExpired(@Bind("now") Instant now);

    @SqlUpdate("""
            insert into staff_account_change (staff_id, changed_by, what, at)
            values (:staffId, :changedBy, :what, :at)
            """)
    void record(@Bind("staffId") long staffId, @Bind("changedBy") Long changedBy, @Bind("what") String what,
                @Bind("at") Instant at);

    @SqlQuery("""
            select id, staff_id, changed_by, what, at from staff_account_change
            order by at desc, id desc limit :limit
            """)
    List<AccountChange> changes(@Bind("limit") int limit);
}
