package io.retainbot.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(PhotoDao.Row.class)
interface PhotoDao {
    record Row(String photoKey, String mediaType, String fileName, long sizeBytes, String sha256, Instant createdAt,
               byte[] content) {
    }

    @SqlUpdate("""
            insert into template_photo (photo_key, media_type, file_name, size_bytes, sha256, content, created_at)
            values (:key, :mediaType, :fileName, :sizeBytes, :sha256, :content, :at)
            """)
    void insert(@Bind("key") String key, @Bind("mediaType") String mediaType, @Bind("fileName") String fileName,
                @Bind("sizeBytes") long sizeBytes, @Bind("sha256") String sha256, @Bind("content") byte[] content,
                @Bind("at") Instant at);

    @SqlQuery("""
            select photo_key, media_type, file_name, size_bytes, sha256, created_at, content
            from template_photo where photo_key = :key
            """)
    Optional<Row> find(@Bind("key") String key);

    @SqlQuery("""
            select photo_key, media_type, file_name, size_bytes, sha256, created_at, ''::bytea as content
            from template_photo order by created_at desc, id desc
            """)
    List<Row> list();

    @SqlQuery("select exists (select 1 from message_template where photo_key = :key)")
    boolean inUse(@Bind("key") String key);

    @SqlUpdate("delete from template_photo where photo_key = :key")
    int delete(@Bind("key") String key);
}
