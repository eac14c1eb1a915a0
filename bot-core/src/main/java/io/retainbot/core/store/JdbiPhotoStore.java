package io.retainbot.core.store;

import static io.retainbot.core.store.TextSanitizer.withoutNul;

import io.retainbot.core.port.PhotoStore;
import io.retainbot.core.port.StoreException;
import java.util.List;
import java.util.Optional;

final class JdbiPhotoStore implements PhotoStore {
    private final PhotoDao dao;

    JdbiPhotoStore(PhotoDao dao) {
        this.dao = dao;
    }

    @Override
    public StoredPhoto save(NewPhoto photo) {
        dao.insert(photo.key(), photo.mediaType(), withoutNul(photo.fileName()), photo.content().length,
                JdbiFileStore.sha256(photo.content()), photo.content(), photo.at());
        return find(photo.key())
                .orElseThrow(() -> new StoreException("the photo " + photo.key() + " cannot be read back", null));
    }

    @Override
    public Optional<StoredPhoto> find(String key) {
        return dao.find(key).map(JdbiPhotoStore::stored);
    }

    @Override
    public List<StoredPhoto> list() {
        return dao.list().stream().map(JdbiPhotoStore::stored).toList();
    }

    @Override
    public boolean inUse(String key) {
        return dao.inUse(key);
    }

    @Override
    public boolean delete(String key) {
        return dao.delete(key) == 1;
    }

    private static StoredPhoto stored(PhotoDao.Row row) {
        return new StoredPhoto(row.photoKey(), row.mediaType(), row.fileName(), row.sizeBytes(), row.sha256(),
                row.createdAt(), row.content());
    }
}
