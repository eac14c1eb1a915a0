package io.retainbot.console.access;

import io.retainbot.core.port.Transactor;
import io.retainbot.core.staff.AccountChange;
import io.retainbot.core.staff.ConsoleSession;
import io.retainbot.core.staff.StaffCredential;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's accounts: the one-time set-up of the first admin, signing in and out, sessions that end
 * after {@link #IDLE} without use and at the latest {@link #LONGEST} after signing in, and sign-in details
 * set by an admin or changed by their owner. Wrong passwords are throttled per account and per address
 * ({@link LoginThrottle}); every change to an account is recorded with who made it.
 */
public final class Accounts {
    public static final Duration IDLE = Duration.ofHours(2);
    public static final Duration LONGEST = Duration.ofHours(12);
    static final String SET_UP_SETTING = "console_setup_sha256";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Pattern LOGIN = Pattern.compile("\\S{3,254}");
    private static final int MAX_NAME = 200;
    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final Transactor transactor;
    private final Passwords passwords;
    private final Predicate<String> adminToken;
    private final Clock clock;
    private final SecureRandom random;
    private final LoginThrottle byAccount;
    private final LoginThrottle byAddress;

    /** @param adminToken whether a text is the admin token (ADMIN_TOKEN also opens the set-up) */
    public Accounts(Transactor transactor, Passwords passwords, Predicate<String> adminToken, Clock clock,
                    SecureRandom random) {
        this.transactor = transactor;
        this.passwords = passwords;
        this.adminToken = adminToken;
        this.clock = clock;
        this.random = random;
        this.byAccount = new LoginThrottle(clock);
        this.byAddress = new LoginThrottle(clock);
    }

    /**
     * While no admin can sign in: a fresh one-time set-up token (any earlier one stops working), to be
     * shown once; empty once an admin can sign in.
     */
    public Optional<String> openSetUp() {
        String token = randomToken();
        boolean open = transactor.inTransaction(session -> {
            if (session.staffAccounts().adminCanSignIn()) {
                session.settings().put(SET_UP_SETTING, "");
                return false;
            }
            session.settings().put(SET_UP_SETTING, sha256(token));
            return true;
        });
        return open ? Optional.of(token) : Optional.empty();
    }

    /** Whether the first admin is still to be set up. */
    public boolean setUpOpen() {
        return !transactor.inTransaction(session -> session.staffAccounts().adminCanSignIn());
    }

    /**
     * Creates the first admin with the one-time set-up token (or the admin token). Refused once an admin can
     * sign in; wrong tokens are throttled per address like wrong passwords.
     */
    public AccountResult setUp(String token, String name, String login, String password, String address) {
        if (byAddress.waitBefore(address).isPresent()) {
            return AccountResult.refused("sign_in.throttled");
        }
        String cleanName = name == null ? "" : name.strip();
        String cleanLogin = login == null ? "" : login.strip();
        String problem = cleanName.isEmpty() || cleanName.length() > MAX_NAME ? "account.name.invalid"
                : !LOGIN.matcher(cleanLogin).matches() ? "account.login.invalid" : Passwords.problemWith(password);
        if (problem != null) {
            return AccountResult.refused(problem);
        }
        String presented = token == null ? "" : token.strip();
        String hash = passwords.hash(password);
        Instant now = clock.instant();
        try {
            AccountResult result = transactor.inTransaction(session -> {
                if (session.staffAccounts().adminCanSignIn()) {
                    return AccountResult.refused("set_up.closed");
                }
                String expected = session.settings().find(SET_UP_SETTING).orElse("");
                boolean valid = !presented.isEmpty() && (adminToken.test(presented)
                        || (!expected.isEmpty() && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                        sha256(presented).getBytes(StandardCharsets.UTF_8))));
                if (!valid) {
                    return AccountResult.refused("set_up.token.wrong");
                }
                StaffMember admin = session.staff().add(cleanName, StaffRole.ADMIN, now);
                if (!session.staffAccounts().setCredential(admin.id(), cleanLogin, hash, now)) {
                    throw new LoginTaken();
                }
                session.staffAccounts().recordChange(admin.id(), null, AccountChangeWording.SET_UP.recorded(cleanLogin),
                        now);
                session.settings().put(SET_UP_SETTING, "");
                return AccountResult.done();
            });
            if (result instanceof AccountResult.Refused refused && refused.messageKey().equals("set_up.token.wrong")) {
                byAddress.failed(address);
            } else if (result instanceof AccountResult.Done) {
                log.info("console: the first admin was set up; the set-up link no longer works");
            }
            return result;
        } catch (LoginTaken taken) {
            return AccountResult.refused("account.login.taken");
        }
    }

    /** Signs in with a login (or the staff member's name) and password. */
    public SignIn signIn(String loginOrName, String password, String address) {
        String given = loginOrName == null ? "" : loginOrName.strip();
        String account = "account:" + given.toLowerCase(Locale.ROOT);
        Optional<Duration> wait = longer(byAccount.waitBefore(account), byAddress.waitBefore(address));
        if (wait.isPresent()) {
            return new SignIn.Throttled(wait.get());
        }
        String typed = password == null ? "" : password;
        Optional<StaffCredential> credential = given.isEmpty() || given.length() > 254 ? Optional.empty()
                : transactor.inTransaction(session -> session.staffAccounts().findForSignIn(given)
                .filter(found -> session.staff().find(found.staffId()).filter(StaffMember::active).isPresent()));
        boolean right;
        if (credential.isEmpty() || typed.isEmpty() || typed.length() > Passwords.MAX_LENGTH) {
            passwords.checkNothing(typed.isEmpty() || typed.length() > Passwords.MAX_LENGTH ? "x" : typed);
            right = false;
        } else {
            right = passwords.matches(typed, credential.get().passwordHash());
        }
        if (!right) {
            byAccount.failed(account);
            byAddress.failed(address);
            return new SignIn.Refused();
        }
        byAccount.succeeded(account);
        byAddress.succeeded(address);
        String cookie = randomToken();
        Instant now = clock.instant();
        ConsoleSession session = new ConsoleSession(sha256(cookie), credential.get().staffId(), randomToken(), now,
                now, now.plus(IDLE));
        transactor.runInTransaction(store -> {
            store.staffAccounts().closeExpired(now);
            store.staffAccounts().openSession(session);
        });
        return new SignIn.SignedIn(cookie, LONGEST);
    }

    /** The staff member signed in with this cookie, if the session is still valid and they are still active. */
    public Optional<Signed> signedIn(String cookieToken) {
        if (cookieToken == null || cookieToken.isBlank() || cookieToken.length() > 100) {
            return Optional.empty();
        }
        String key = sha256(cookieToken);
        Instant now = clock.instant();
        return transactor.inTransaction(store -> {
            Optional<ConsoleSession> found = store.staffAccounts().session(key);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            ConsoleSession session = found.get();
            Instant end = session.createdAt().plus(LONGEST);
            Optional<StaffMember> staff = store.staff().find(session.staffId()).filter(StaffMember::active);
            if (!now.isBefore(session.expiresAt()) || !now.isBefore(end) || staff.isEmpty()) {
                store.staffAccounts().closeSession(key);
                return Optional.empty();
            }
            if (!now.isBefore(session.lastSeenAt().plus(TOUCH_EVERY))) {
                Instant idleEnd = now.plus(IDLE);
                store.staffAccounts().touchSession(key, now, idleEnd.isBefore(end) ? idleEnd : end);
            }
            return Optional.of(new Signed(staff.get(), session.csrfToken(), key));
        });
    }

    public void signOut(Signed signed) {
        transactor.runInTransaction(store -> store.staffAccounts().closeSession(signed.tokenSha256()));
    }

    /** An admin sets a staff member's sign-in (login and a first password); their other sessions end. */
    public AccountResult setSignIn(Signed by, long staffId, String login, String password) {
        if (!by.isAdmin()) {
            return AccountResult.refused("account.not_allowed");
        }
        String cleanLogin = login == null ? "" : login.strip();
        String problem = !LOGIN.matcher(cleanLogin).matches() ? "account.login.invalid"
                : Passwords.problemWith(password);
        if (problem != null) {
            return AccountResult.refused(problem);
        }
        String hash = passwords.hash(password);
        Instant now = clock.instant();
        return transactor.inTransaction(store -> {
            if (store.staff().find(staffId).isEmpty()) {
                return AccountResult.refused("account.staff.unknown");
            }
            if (!store.staffAccounts().setCredential(staffId, cleanLogin, hash, now)) {
                return AccountResult.refused("account.login.taken");
            }
            store.staffAccounts().closeSessionsOf(staffId, staffId == by.staff().id() ? by.tokenSha256() : "");
            store.staffAccounts().recordChange(staffId, by.staff().id(), AccountChangeWording.SIGN_IN_SET.recorded(cleanLogin),
                    now);
            return AccountResult.done();
        });
    }

    /** A staff member changes their own password (knowing the current one); their other sessions end. */
    public AccountResult changePassword(Signed me, String current, String fresh, String address) {
        String account = "staff:" + me.staff().id();
        if (longer(byAccount.waitBefore(account), byAddress.waitBefore(address)).isPresent()) {
            return AccountResult.refused("sign_in.throttled");
        }
        Optional<StaffCredential> credential = transactor.inTransaction(store ->
                store.staffAccounts().credentialOf(me.staff().id()));
        String typed = current == null ? "" : current;
        if (credential.isEmpty() || typed.isEmpty() || typed.length() > Passwords.MAX_LENGTH
                || !passwords.matches(typed, credential.get().passwordHash())) {
            byAccount.failed(account);
            byAddress.failed(address);
            return AccountResult.refused("account.password.current_wrong");
        }
        String problem = Passwords.problemWith(fresh);
        if (problem != null) {
            return AccountResult.refused(problem);
        }
        String hash = passwords.hash(fresh);
        Instant now = clock.instant();
        transactor.runInTransaction(store -> {
            store.staffAccounts().setCredential(me.staff().id(), credential.get().login(), hash, now);
            store.staffAccounts().closeSessionsOf(me.staff().id(), me.tokenSha256());
            store.staffAccounts().recordChange(me.staff().id(), me.staff().id(),
                    AccountChangeWording.PASSWORD_CHANGED.recorded(""), now);
        });
        return AccountResult.done();
    }

    /** Every staff member with their sign-in, if they have one. */
    public List<StaffAccount> staffAccounts() {
        return transactor.inTransaction(store -> store.staff().list(false).stream()
                .map(staff -> new StaffAccount(staff, store.staffAccounts().credentialOf(staff.id())
                        .map(StaffCredential::login))).toList());
    }

    /** The latest changes to accounts, newest first. */
    public List<AccountChange> changes(int limit) {
        return transactor.inTransaction(store -> store.staffAccounts().changes(limit));
    }

    /** A staff member and the login they sign in with, if any. */
    public record StaffAccount(StaffMember staff, Optional<String> login) {
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
        }
    }

    private static Optional<Duration> longer(Optional<Duration> one, Optional<Duration> other) {
        if (one.isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return one;
        }
        return Optional.of(one.get().compareTo(other.get()) >= 0 ? one.get() : other.get());
    }

    /** Thrown inside the set-up's transaction so that the new staff member is rolled back too. */
    private static final class LoginTaken extends RuntimeException {
        LoginTaken() {
            super("login taken", null, false, false);
        }
    }
}
