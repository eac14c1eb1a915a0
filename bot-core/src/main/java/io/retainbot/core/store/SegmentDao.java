package io.retainbot.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(SegmentDao.Row.class)
interface SegmentDao extends SqlObject {
    record Row(long id, String name, String definition, Instant createdAt, Instant updatedAt) {
    }

    @SqlQuery("""
            insert into segment (name, definition, created_at, updated_at)
            values (:name, cast(:definition as jsonb), :now, :now)
            on conflict (name) do nothing
            returning id, name, definition::text as definition, created_at, updated_at
            """)
    Optional<Row> insert(@Bind("name") String name, @Bind("definition") String definition, @Bind("now") Instant now);

    @SqlQuery("select id, name, definition::text as definition, created_at, updated_at from segment where id = :id")
    Optional<Row> find(@Bind("id") long id);

    @SqlQuery("select id, name, definition::text as definition, created_at, updated_at from segment order by name, id")
    List<Row> list();

    @SqlUpdate("delete from segment where id = :id")
    int delete(@Bind("id") long id);

    default long count(SegmentSql filter) {
        return filter.bindTo(getHandle().createQuery("select count(*) from customer c where " + filter.where()))
                .mapTo(Long.class).one();
    }

    default List<Long> members(SegmentSql filter, long afterId, int limit) {
        return filter.bindTo(getHandle().createQuery("select c.id from customer c where c.id > :afterId and ("
                        + filter.where() + ") order by c.id limit :limit"))
                .bind("afterId", afterId)
                .bind("limit", limit)
                .mapTo(Long.class).list();
    }
}
