package io.retainbot.core.store;

import static io.retainbot.core.store.TextSanitizer.withoutNul;

import io.retainbot.core.chat.Platform;
import io.retainbot.core.port.StaffStore;
import io.retainbot.core.staff.StaffIdentity;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

final class JdbiStaffStore implements StaffStore {
    private final StaffDao dao;

    JdbiStaffStore(StaffDao dao) {
        this.dao = dao;
    }

    @Override
    public StaffMember add(String name, StaffRole role, Instant now) {
        return withIdentities(List.of(dao.insert(withoutNul(validName(name)), role.code(), now))).get(0);
    }

    @Override
    public Optional<StaffMember> find(long staffId) {
        return dao.find(staffId).map(row -> withIdentities(List.of(row)).get(0));
    }

    @Override
    public Optional<StaffMember> findByIdentity(Platform platform, String userId) {
        return dao.findByIdentity(platform.code(), userId).map(row -> withIdentities(List.of(row)).get(0));
    }

    @Override
    public boolean link(long staffId, StaffIdentity identity) {
        return dao.link(staffId, identity.platform().code(), withoutNul(identity.userId()),
                withoutNul(identity.chatId())) == 1;
    }

    @Override
    public boolean setActive(long staffId, boolean active) {
        return dao.setActive(staffId, active) == 1;
    }

    @Override
    public List<StaffMember> list(boolean activeOnly) {
        return withIdentities(dao.list(activeOnly));
    }

    @Override
    public boolean update(long staffId, String name, StaffRole role) {
        return dao.update(staffId, withoutNul(validName(name)), role.code()) == 1;
    }

    @Override
    public void setCategories(long staffId, Set<String> categories) {
        dao.clearCategories(staffId);
        if (!categories.isEmpty()) {
            dao.addCategories(staffId, categories.stream().map(TextSanitizer::withoutNul).toArray(String[]::new));
        }
    }

    @Override
    public boolean unlink(long staffId, Platform platform, String userId) {
        return dao.unlink(staffId, platform.code(), userId) == 1;
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new IllegalArgumentException("a staff member needs a name of 1 to 200 characters");
        }
        return name.strip();
    }

    private List<StaffMember> withIdentities(List<StaffDao.Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        long[] ids = rows.stream().mapToLong(StaffDao.Row::id).toArray();
        Map<Long, Set<String>> categories = dao.categories(ids).stream().collect(Collectors.groupingBy(
                StaffDao.CategoryRow::staffId, Collectors.mapping(StaffDao.CategoryRow::category, Collectors.toSet())));
        Map<Long, List<StaffIdentity>> identities = dao.identities(ids)
                .stream()
                .collect(Collectors.groupingBy(StaffDao.IdentityRow::staffId, Collectors.mapping(
                        row -> new StaffIdentity(Platform.fromCode(row.platform()), row.userId(), row.chatId()),
                        Collectors.toList())));
        return rows.stream()
                .map(row -> new StaffMember(row.id(), row.name(), StaffRole.fromCode(row.role()), row.active(),
                        identities.getOrDefault(row.id(), List.of()), row.createdAt(),
                        categories.getOrDefault(row.id(), Set.of())))
                .toList();
    }
}
