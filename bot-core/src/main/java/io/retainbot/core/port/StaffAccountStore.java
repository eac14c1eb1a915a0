package io.retainbot.core.port;

import io.retainbot.core.staff.AccountChange;
import io.retainbot.core.staff.ConsoleSession;
import io.retainbot.core.staff.StaffCredential;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The console's accounts: staff members' sign-in credentials, their sessions and the record of changes. */
public interface StaffAccountStore {
    /**
     * The credential whose login is {@code loginOrName} (case-insensitive), or else that of the one staff
     * member of that name; empty when none or when several share the name.
     */
    Optional<StaffCredential> findForSignIn(String loginOrName);

    Optional<StaffCredential> credentialOf(long staffId);

    /**
     * Sets the staff member's login and password hash; false (nothing changed) when another staff
     * member already signs in with that login.
     */
    boolean setCredential(long staffId, String login, String passwordHash, Instant now);

    /** Whether an active admin can sign in (then the one-time set-up is over). */
    boolean adminCanSignIn();

    void openSession(ConsoleSession session);

    Optional<ConsoleSession> session(String tokenSha256);

    /** The session was used: seen now, and valid until {@code expiresAt}. */
    void touchSession(String tokenSha256, Instant now, Instant expiresAt);

    void closeSession(String tokenSha256);

    /**
     * Signs the staff member out everywhere (a changed password) except in the session
     * {@code keepTokenSha256} (empty: everywhere).
     */
    void closeSessionsOf(long staffId, String keepTokenSha256);

    /** Forgets sessions that expired before {@code now}; returns how many. */
    int closeExpired(Instant now);

    void recordChange(long staffId, Long changedBy, String what, Instant at);

    /** The latest changes to accounts, newest first. */
    List<AccountChange> changes(int limit);
}
