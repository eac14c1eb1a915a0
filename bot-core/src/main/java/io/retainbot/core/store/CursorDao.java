package io.retainbot.core.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface CursorDao {
    @SqlQuery("select position from stream_cursor where name = :name")
    Optional<String> find(@Bind("name") String name);

    @SqlUpdate("""
            insert into stream_cursor (name, position) values (:name, :position)
            on conflict (name) do update set position = excluded.position, updated_at = now()
            """)
    void save(@Bind("name") String name, @Bind("position") String position);
}
