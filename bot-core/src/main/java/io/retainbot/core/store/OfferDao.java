package io.retainbot.core.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(OfferDao.Row.class)
interface OfferDao {
    record Row(String code, long customerId, String campaign, Instant issuedAt, Instant expiresAt,
               Instant redeemedAt, String redeemedBy) {
    }

    @SqlUpdate("""
            insert into offer_code (code, customer_id, campaign, issued_at, expires_at)
            values (:code, :customerId, :campaign, :issuedAt, :expiresAt)
            on conflict do nothing
            """)
    int insert(@Bind("code") String code, @Bind("customerId") long customerId, @Bind("campaign") String campaign,
               @Bind("issuedAt") Instant issuedAt, @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("select * from offer_code where code = :code")
    Optional<Row> find(@Bind("code") String code);

    @SqlQuery("select * from offer_code where customer_id = :customerId and campaign = :campaign")
    Optional<Row> findFor(@Bind("customerId") long customerId, @Bind("campaign") String campaign);

    @SqlQuery("""
            update offer_code set redeemed_at = :now, redeemed_by = :redeemedBy
            where code = :code and redeemed_at is null and expires_at > :now
            returning *
            """)
    Optional<Row> redeem(@Bind("code") String code, @Bind("redeemedBy") String redeemedBy, @Bind("now") Instant now);

    @SqlQuery("select count(*) from offer_code where campaign = :campaign")
    long issued(@Bind("campaign") String campaign);

    @SqlQuery("select count(*) from offer_code where campaign = :campaign and redeemed_at is not null")
    long redeemed(@Bind("campaign") String campaign);
}
