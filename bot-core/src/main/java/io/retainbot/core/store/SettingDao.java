package io.retainbot.core.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface SettingDao {
    @SqlQuery("select value from setting where name = :name")
    Optional<String> find(@Bind("name") String name);

    @SqlUpdate("""
            insert into setting (name, value) values (:name, :value)
            on conflict (name) do update set value = excluded.value, updated_at = now()
            """)
    void put(@Bind("name") String name, @Bind("value") String value);

    @SqlUpdate("insert into setting (name, value) values (:name, :value) on conflict (name) do nothing")
    int insertIfAbsent(@Bind("name") String name, @Bind("value") String value);
}
