package io.retainbot.core.store;

import static io.retainbot.core.store.TextSanitizer.withoutNul;

import io.retainbot.core.port.StaffAccountStore;
import io.retainbot.core.staff.AccountChange;
import io.retainbot.core.staff.ConsoleSession;
import io.retainbot.core.staff.StaffCredential;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class JdbiStaffAccountStore implements StaffAccountStore {
    private final StaffAccountDao dao;

    JdbiStaffAccountStore(StaffAccountDao dao) {
        this.dao = dao;
    }

    @Override
    public Optional<StaffCredential> findForSignIn(String loginOrName) {
        String wanted = withoutNul(loginOrName.strip());
        return dao.byLogin(wanted).or(() -> dao.byName(wanted));
    }

    @Override
    public Optional<StaffCredential> credentialOf(long staffId) {
        return dao.of(staffId);
    }

    @Override
    public boolean setCredential(long staffId, String login, String passwordHash, Instant now) {
        String clean = withoutNul(login.strip());
        Optional<Long> holder = dao.holderOf(clean);
        if (holder.isPresent() && holder.get() != staffId) {
            return false;
        }
        dao.put(staffId, clean, passwordHash, now);
        return true;
    }

    @Override
    public boolean adminCanSignIn() {
        return dao.adminCanSignIn();
    }

    @Override
    public void openSession(ConsoleSession session) {
        dao.open(session.tokenSha256(), session.staffId(), session.csrfToken(), session.createdAt(),
                session.lastSeenAt(), session.expiresAt());
    }

    @Override
    public Optional<ConsoleSession> session(String tokenSha256) {
        return dao.session(tokenSha256);
    }

    @Override
    public void touchSession(String tokenSha256, Instant now, Instant expiresAt) {
        dao.touch(tokenSha256, now, expiresAt);
    }

    @Override
    public void closeSession(String tokenSha256) {
        dao.close(tokenSha256);
    }

    @Override
    public void closeSessionsOf(long staffId, String keepTokenSha256) {
        dao.closeOf(staffId, keepTokenSha256);
    }

    @Override
    public int closeExpired(Instant now) {
        return dao.closeExpired(now);
    }

    @Override
    public void recordChange(long staffId, Long changedBy, String what, Instant at) {
        dao.record(staffId, changedBy, withoutNul(what), at);
    }

    @Override
    public List<AccountChange> changes(int limit) {
        return dao.changes(limit);
    }
}
