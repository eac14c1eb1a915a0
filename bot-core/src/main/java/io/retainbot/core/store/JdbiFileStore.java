package io.retainbot.core.store;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.port.FileStore;
import io.retainbot.core.port.StoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

final class JdbiFileStore implements FileStore {
    private final FileDao dao;

    JdbiFileStore(FileDao dao) {
        this.dao = dao;
    }

    @Override
    public StoredFile save(NewFile file) {
        String platform = file.channel().platform().code();
        dao.insert(file.key(), platform, file.channel().chatId(), file.uploadId(), file.mediaType(), file.fileName(),
                file.content().length, sha256(file.content()), file.content(), file.at());
        return dao.findUpload(platform, file.channel().chatId(), file.uploadId()).map(JdbiFileStore::stored)
                .orElseThrow(() -> new StoreException("the stored file " + file.key() + " cannot be read back", null));
    }

    @Override
    public Optional<StoredFile> find(String key) {
        return dao.find(key).map(JdbiFileStore::stored);
    }

    private static StoredFile stored(FileDao.Row row) {
        return new StoredFile(row.fileKey(), new ChannelRef(Platform.fromCode(row.platform()), row.chatId()),
                row.mediaType(), row.fileName(), row.sizeBytes(), row.sha256(), row.storedAt(), row.content());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", missing);
        }
    }
}
