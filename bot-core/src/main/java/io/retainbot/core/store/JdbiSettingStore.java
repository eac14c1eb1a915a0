package io.retainbot.core.store;

import io.retainbot.core.port.SettingStore;
import java.util.Optional;

final class JdbiSettingStore implements SettingStore {
    private final SettingDao dao;

    JdbiSettingStore(SettingDao dao) {
        this.dao = dao;
    }

    @Override
    public Optional<String> find(String name) {
        return dao.find(name);
    }

    @Override
    public void put(String name, String value) {
        dao.put(name, value);
    }

    @Override
    public String putIfAbsent(String name, String value) {
        if (dao.insertIfAbsent(name, value) == 1) {
            return value;
        }
        return dao.find(name).orElseThrow();
    }
}
