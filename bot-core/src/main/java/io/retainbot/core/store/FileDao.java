package io.retainbot.core.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(FileDao.Row.class)
interface FileDao {
    record Row(String fileKey, String platform, String chatId, String mediaType, String fileName, long sizeBytes,
               String sha256, Instant storedAt, byte[] content) {
    }

    @SqlUpdate("""
            insert into stored_file (file_key, platform, chat_id, upload_id, media_type, file_name, size_bytes, sha256,
                                     content, stored_at)
            values (:key, :platform, :chatId, :uploadId, :mediaType, :fileName, :sizeBytes, :sha256, :content, :at)
            on conflict (platform, chat_id, upload_id) do nothing
            """)
    int insert(@Bind("key") String key, @Bind("platform") String platform, @Bind("chatId") String chatId,
               @Bind("uploadId") String uploadId, @Bind("mediaType") String mediaType,
               @Bind("fileName") String fileName, @Bind("sizeBytes") long sizeBytes, @Bind("sha256") String sha256,
               @Bind("content") byte[] content, @Bind("at") Instant at);

    @SqlQuery("""
            select file_key, platform, chat_id, media_type, file_name, size_bytes, sha256, stored_at, content
            from stored_file where file_key = :key
            """)
    Optional<Row> find(@Bind("key") String key);

    @SqlQuery("""
            select file_key, platform, chat_id, media_type, file_name, size_bytes, sha256, stored_at, content
            from stored_file where platform = :platform and chat_id = :chatId and upload_id = :uploadId
            """)
    Optional<Row> findUpload(@Bind("platform") String platform, @Bind("chatId") String chatId,
                             @Bind("uploadId") String uploadId);
}
