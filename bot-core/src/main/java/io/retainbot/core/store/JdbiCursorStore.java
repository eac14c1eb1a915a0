package io.retainbot.core.store;

import io.retainbot.core.port.CursorStore;
import java.util.Optional;

final class JdbiCursorStore implements CursorStore {
    private final CursorDao dao;

    JdbiCursorStore(CursorDao dao) {
        this.dao = dao;
    }

    @Override
    public Optional<String> find(String name) {
        return dao.find(name);
    }

    @Override
    public void save(String name, String position) {
        dao.save(name, position);
    }
}
