package io.retainbot.core.store;

import io.retainbot.core.port.OwnershipStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

final class JdbiOwnershipStore implements OwnershipStore {
    private final OwnershipDao dao;

    JdbiOwnershipStore(OwnershipDao dao) {
        this.dao = dao;
    }

    @Override
    public Optional<Long> ownerOf(long customerId) {
        return dao.owner(customerId);
    }

    @Override
    public boolean changeOwner(long customerId, Long toStaffId, Long changedByStaffId, String reason, Instant at) {
        if (dao.lock(customerId).isEmpty()) {
            return false;
        }
        Long from = dao.owner(customerId).orElse(null);
        if (Objects.equals(from, toStaffId)) {
            return false;
        }
        dao.setOwner(customerId, toStaffId, at);
        dao.recordChange(customerId, from, toStaffId, changedByStaffId, reason, at);
        return true;
    }

    @Override
    public List<Long> customersOf(long staffId) {
        return dao.customersOf(staffId);
    }

    @Override
    public Map<Long, Integer> load(List<Long> staffIds) {
        Map<Long, Integer> load = new HashMap<>();
        staffIds.forEach(id -> load.put(id, 0));
        for (OwnershipDao.LoadRow row : dao.load(staffIds.stream().mapToLong(Long::longValue).toArray())) {
            load.put(row.staffId(), row.customers());
        }
        return load;
    }

    @Override
    public Map<Long, Instant> lastGiven(List<Long> staffIds) {
        Map<Long, Instant> lastGiven = new HashMap<>();
        for (OwnershipDao.GivenRow row : dao.lastGiven(staffIds.stream().mapToLong(Long::longValue).toArray())) {
            lastGiven.put(row.staffId(), row.lastGiven());
        }
        return lastGiven;
    }

    @Override
    public Optional<Long> lastRotated(String category) {
        return dao.lastRotated(category);
    }

    @Override
    public void rotated(String category, long staffId) {
        dao.rotated(category, staffId);
    }

    @Override
    public List<OwnerChange> changes(long customerId) {
        return dao.changes(customerId);
    }
}
