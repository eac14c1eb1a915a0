package io.retainbot.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(StaffDao.Row.class)
@RegisterConstructorMapper(StaffDao.IdentityRow.class)
@RegisterConstructorMapper(StaffDao.CategoryRow.class)
interface StaffDao {
    record Row(long id, String name, String role, boolean active, Instant createdAt) {
    }

    record CategoryRow(long staffId, String category) {
    }

    record IdentityRow(long staffId, String platform, String userId, String chatId) {
    }

    @SqlQuery("insert into staff (name, role, created_at) values (:name, :role, :now) returning id, name, role, active, created_at")
    Row insert(@Bind("name") String name, @Bind("role") String role, @Bind("now") Instant now);

    @SqlQuery("select id, name, role, active, created_at from staff where id = :id")
    Optional<Row> find(@Bind("id") long id);

    @SqlQuery("""
            select s.id, s.name, s.role, s.active, s.created_at from staff s
            join staff_identity i on i.staff_id = s.id
            where i.platform = :platform and i.user_id = :userId
            """)
    Optional<Row> findByIdentity(@Bind("platform") String platform, @Bind("userId") String userId);

    @SqlQuery("""
            select id, name, role, active, created_at from staff
            where active or not :activeOnly order by name, id
            """)
    List<Row> list(@Bind("activeOnly") boolean activeOnly);

    @SqlQuery("""
            select staff_id, platform, user_id, chat_id from staff_identity
            where staff_id = any(:staffIds) order by platform, user_id
            """)
    List<IdentityRow> identities(@Bind("staffIds") long[] staffIds);

    @SqlUpdate("""
            insert into staff_identity (platform, user_id, staff_id, chat_id) values (:platform, :userId, :staffId, :chatId)
            on conflict (platform, user_id) do update set chat_id = excluded.chat_id
            where staff_identity.staff_id = excluded.staff_id
            """)
    int link(@Bind("staffId") long staffId, @Bind("platform") String platform, @Bind("userId") String userId,
             @Bind("chatId") String chatId);

    @SqlUpdate("update staff set active = :active where id = :id")
    int setActive(@Bind("id") long id, @Bind("active") boolean active);

    @SqlUpdate("update staff set name = :name, role = :role where id = :id")
    int update(@Bind("id") long id, @Bind("name") String name, @Bind("role") String role);

    @SqlUpdate("delete from staff_category where staff_id = :staffId")
    void clearCategories(@Bind("staffId") long staffId);

    @SqlUpdate("insert into staff_category (staff_id, category) select :staffId, unnest(:categories) on conflict do nothing")
    void addCategories(@Bind("staffId") long staffId, @Bind("categories") String[] categories);

    @SqlQuery("select staff_id, category from staff_category where staff_id = any(:staffIds) order by category")
    List<CategoryRow> categories(@Bind("staffIds") long[] staffIds);

    @SqlUpdate("delete from staff_identity where staff_id = :staffId and platform = :platform and user_id = :userId")
    int unlink(@Bind("staffId") long staffId, @Bind("platform") String platform, @Bind("userId") String userId);
}
