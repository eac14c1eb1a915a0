package io.retainbot.core.store;

import io.retainbot.core.port.OwnershipStore.OwnerChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(OwnerChange.class)
@RegisterConstructorMapper(OwnershipDao.LoadRow.class)
@RegisterConstructorMapper(OwnershipDao.GivenRow.class)
interface OwnershipDao {
    record LoadRow(long staffId, int customers) {
    }

    record GivenRow(long staffId, Instant lastGiven) {
    }

    @SqlQuery("select id from customer where id = :customerId for update")
    Optional<Long> lock(@Bind("customerId") long customerId);

    @SqlQuery("select responsible_staff_id from customer where id = :customerId and responsible_staff_id is not null")
    Optional<Long> owner(@Bind("customerId") long customerId);

    @SqlUpdate("update customer set responsible_staff_id = :toStaffId, updated_at = :at where id = :customerId")
    int setOwner(@Bind("customerId") long customerId, @Bind("toStaffId") Long toStaffId, @Bind("at") Instant at);

    @SqlUpdate("""
            insert into customer_owner_change (customer_id, from_staff_id, to_staff_id, changed_by_staff_id, reason, changed_at)
            values (:customerId, :fromStaffId, :toStaffId, :changedBy, :reason, :at)
            """)
    void recordChange(@Bind("customerId") long customerId, @Bind("fromStaffId") Long fromStaffId,
                      @Bind("toStaffId") Long toStaffId, @Bind("changedBy") Long changedBy,
                      @Bind("reason") String reason, @Bind("at") Instant at);

    @SqlQuery("select id from customer where responsible_staff_id = :staffId order by id")
    List<Long> customersOf(@Bind("staffId") long staffId);

    @SqlQuery("""
            select responsible_staff_id as staff_id, count(*)::int as customers from customer
            where responsible_staff_id = any(:staffIds) group by responsible_staff_id
            """)
    List<LoadRow> load(@Bind("staffIds") long[] staffIds);

    @SqlQuery("""
            select to_staff_id as staff_id, max(changed_at) as last_given from customer_owner_change
            where to_staff_id = any(:staffIds) group by to_staff_id
            """)
    List<GivenRow> lastGiven(@Bind("staffIds") long[] staffIds);

    @SqlQuery("select last_staff_id from owner_rotation where category = :category for update")
    Optional<Long> lastRotated(@Bind("category") String category);

    @SqlUpdate("""
            insert into owner_rotation (category, last_staff_id) values (:category, :staffId)
            on conflict (category) do update set last_staff_id = excluded.last_staff_id
            """)
    void rotated(@Bind("category") String category, @Bind("staffId") long staffId);

    @SqlQuery("""
            select customer_id, from_staff_id, to_staff_id, changed_by_staff_id, reason, changed_at
            from customer_owner_change where customer_id = :customerId order by changed_at, id
            """)
    List<OwnerChange> changes(@Bind("customerId") long customerId);
}
