package io.retainbot.console.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.port.Transactor;
import io.retainbot.core.staff.AccountChange;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccountsIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final String ADMIN_TOKEN = "the-admin-token-of-this-shop";
    private static final String ADDRESS = "203.0.113.7";

    private final MutableClock clock = MutableClock.at("2026-11-30T09:00:00Z");
    private Transactor transactor;
    private Accounts accounts;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        transactor = db.database().transactor();
        accounts = new Accounts(transactor, new Passwords(4), ADMIN_TOKEN::equals, clock, new SecureRandom());
    }

    @Test
    void theOneTimeLinkCreatesTheFirstAdminAndThenStopsWorking() {
        String token = accounts.openSetUp().orElseThrow();
        assertThat(accounts.setUpOpen()).isTrue();

        assertThat(accounts.setUp(token, "Mina Park", "mina@shop.example", "a long admin password", ADDRESS))
                .isEqualTo(AccountResult.done());

        assertThat(accounts.setUpOpen()).isFalse();
        assertThat(accounts.openSetUp()).isEmpty();
        assertThat(accounts.setUp(token, "Intruder", "evil@x.example", "another long password", ADDRESS))
                .isEqualTo(AccountResult.refused("set_up.closed"));
        StaffMember admin = transactor.inTransaction(session -> session.staff().list(false)).get(0);
        assertThat(admin.name()).isEqualTo("Mina Park");
        assertThat(admin.role()).isEqualTo(StaffRole.ADMIN);
        List<AccountChange> changes = accounts.changes(10);
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.staffId()).isEqualTo(admin.id());
            assertThat(change.changedBy()).isNull();
            assertThat(change.what()).contains("mina@shop.example", "set-up");
        });
    }

    @Test
    void aNewLinkAtEachStartReplacesTheOldOne() {
        String first = accounts.openSetUp().orElseThrow();
        String second = accounts.openSetUp().orElseThrow();

        assertThat(accounts.setUp(first, "Mina", "mina@shop.example", "a long admin password", ADDRESS))
                .isEqualTo(AccountResult.refused("set_up.token.wrong"));
        assertThat(accounts.setUp(second, "Mina", "mina@shop.example", "a long admin password", ADDRESS))
                .isEqualTo(AccountResult.done());
    }

    @Test
    void theAdminTokenAlsoSetsUpTheConsole() {
        accounts.openSetUp();
        assertThat(accounts.setUp(ADMIN_TOKEN, "Mina", "mina@shop.example", "a long admin password", ADDRESS))
                .isEqualTo(AccountResult.done());
    }

    @Test
    void setUpRefusesAShortPasswordAndCreatesNobody() {
        String token = accounts.openSetUp().orElseThrow();
        assertThat(accounts.setUp(token, "Mina", "mina@shop.example", "short", ADDRESS))
                .isEqualTo(AccountResult.refused("account.password.too_short"));
        List<StaffMember> staff = transactor.inTransaction(session -> session.staff().list(false));
        assertThat(staff).isEmpty();
    }

    @Test
    void signsInByEmailOrByNameAndTheSessionKnowsWhoItIs() {
        long agent = agentWithSignIn("Joon Lee", "joon@shop.example", "joon's long password");

        SignIn byEmail = accounts.signIn("JOON@shop.example", "joon's long password", ADDRESS);
        SignIn byName = accounts.signIn("joon lee", "joon's long password", ADDRESS);

        for (SignIn result : List.of(byEmail, byName)) {
            assertThat(result).isInstanceOf(SignIn.SignedIn.class);
            Signed signed = accounts.signedIn(((SignIn.SignedIn) result).cookieToken()).orElseThrow();
            assertThat(signed.staff().id()).isEqualTo(agent);
            assertThat(signed.csrfToken()).hasSizeGreaterThan(40);
        }
        assertThat(db.count("select count(*) from console_session where token_sha256 = '"
                + ((SignIn.SignedIn) byEmail).cookieToken() + "'")).as("only the cookie's hash is kept").isZero();
    }

    @Test
    void aWrongPasswordAnUnknownLoginAndAnInactiveAccountGetTheSameRefusal() {
        long agent = agentWithSignIn("Joon Lee", "joon@shop.example", "joon's long password");
        transactor.runInTransaction(session -> session.staff().add("Ex Staff", StaffRole.AGENT, clock.instant()));

        assertThat(accounts.signIn("joon@shop.example", "not joon's password", ADDRESS)).isEqualTo(new SignIn.Refused());
        assertThat(accounts.signIn("nobody@shop.example", "joon's long password", "198.51.100.1"))
                .isEqualTo(new SignIn.Refused());
        transactor.runInTransaction(session -> session.staff().setActive(agent, false));
        assertThat(accounts.signIn("joon@shop.example", "joon's long password", "198.51.100.2"))
                .isEqualTo(new SignIn.Refused());
    }

    @Test
    void wrongPasswordsForOneAccountAreThrottledFromEveryAddress() {
        agentWithSignIn("Joon Lee", "joon@shop.example", "joon's long password");
        for (int i = 0; i < LoginThrottle.FREE_TRIES; i++) {
            assertThat(accounts.signIn("joon@shop.example", "guess " + i, "198.51.100." + i))
                    .isEqualTo(new SignIn.Refused());
        }

        SignIn next = accounts.signIn("joon@shop.example", "joon's long password", "192.0.2.99");

        assertThat(next).isInstanceOf(SignIn.Throttled.class);
        clock.advance(((SignIn.Throttled) next).retryAfter());
        assertThat(accounts.signIn("joon@shop.example", "joon's long password", "192.0.2.99"))
                .isInstanceOf(SignIn.SignedIn.class);
    }

    @Test
    void wrongPasswordsFromOneAddressAreThrottledForEveryAccount() {
        agentWithSignIn("Joon Lee", "joon@shop.example", "joon's long password");
        for (int i = 0; i < LoginThrottle.FREE_TRIES; i++) {
            accounts.signIn("guess" + i + "@shop.example", "whatever it is", ADDRESS);
        }
        assertThat(accounts.signIn("joon@shop.example", "joon's long password", ADDRESS))
                .isInstanceOf(SignIn.Throttled.class);
    }

    @Test
    void aSessionEndsAfterTwoHoursUnusedAndAtTheLatestAfterTwelve() {
        agentWithSignIn("Joon Lee", "joon@shop.example", "joon's long password");
        String idle = ((SignIn.SignedIn) accounts.signIn("joon@shop.example", "joon's long password", ADDRESS))
                .cookieToken();
        String busy = ((SignIn.SignedIn) accounts.signIn("joon@shop.example", "joon's long password", ADDRESS))
                .cookieToken();

        for (int hour = 0; hour < 11; hour++) {
            clock.advance(Duration.ofMinutes(61));
            assertThat(accounts.signedIn(busy)).as("used every hour, hour " + hour).isPresent();
        }
        assertThat(accounts.signedIn(idle)).isEmpty();
        clock.advance(Duration.ofMinutes(70));
        assertThat(accounts.signedIn(busy)).isEmpty();
    }

    @Test
    void signingOutEndsTheSession() {
        agentWithSignIn("Joon Lee", "joon@shop.example", "joon's long password");
        String cookie = ((SignIn.SignedIn) accounts.signIn("Joon Lee", "joon's long password", ADDRESS)).cookieToken();
        accounts.signOut(accounts.signedIn(cookie).orElseThrow());
        assertThat(accounts.signedIn(cookie)).isEmpty();
        assertThat(accounts.signedIn("forged-cookie")).isEmpty();
        assertThat(accounts.signedIn(null)).isEmpty();
    }

    @Test
    void onlyAnAdminSetsSignInsAndEachIsRecordedWithWhoDidIt() {
        Signed admin = signedAdmin();
        long agent = transactor.inTransaction(session -> session.staff().add("Joon", StaffRole.AGENT, clock.instant())
                .id());
        assertThat(accounts.setSignIn(admin, agent, "joon@shop.example", "a first password")).isEqualTo(
                AccountResult.done());
        String cookie = ((SignIn.SignedIn) accounts.signIn("joon@shop.example", "a first password", ADDRESS))
                .cookieToken();
        Signed joon = accounts.signedIn(cookie).orElseThrow();

        assertThat(accounts.setSignIn(joon, admin.staff().id(), "mine@x.example", "taking over now"))
                .isEqualTo(AccountResult.refused("account.not_allowed"));
        assertThat(accounts.setSignIn(admin, agent, "mina@shop.example", "a first password"))
                .isEqualTo(AccountResult.refused("account.login.taken"));
        assertThat(accounts.changes(10).get(0)).satisfies(change -> {
            assertThat(change.staffId()).isEqualTo(agent);
            assertThat(change.changedBy()).isEqualTo(admin.staff().id());
        });
    }

    @Test
    void changingTheOwnPasswordNeedsTheCurrentOneAndEndsTheOtherSessions() {
        Signed admin = signedAdmin();
        String other = ((SignIn.SignedIn) accounts.signIn("mina@shop.example", "a long admin password", ADDRESS))
                .cookieToken();

        assertThat(accounts.changePassword(admin, "not the password", "a brand new password", ADDRESS))
                .isEqualTo(AccountResult.refused("account.password.current_wrong"));
        assertThat(accounts.changePassword(admin, "a long admin password", "a brand new password", ADDRESS))
                .isEqualTo(AccountResult.done());

        assertThat(accounts.signedIn(other)).isEmpty();
        assertThat(accounts.signIn("mina@shop.example", "a long admin password", "192.0.2.1"))
                .isEqualTo(new SignIn.Refused());
        assertThat(accounts.signIn("mina@shop.example", "a brand new password", "192.0.2.1"))
                .isInstanceOf(SignIn.SignedIn.class);
        assertThat(accounts.changes(1).get(0).what()).isEqualTo("password changed");
    }

    private Signed signedAdmin() {
        accounts.setUp(ADMIN_TOKEN, "Mina", "mina@shop.example", "a long admin password", ADDRESS);
        String cookie = ((SignIn.SignedIn) accounts.signIn("mina@shop.example", "a long admin password", ADDRESS))
                .cookieToken();
        return accounts.signedIn(cookie).orElseThrow();
    }

    private long agentWithSignIn(String name, String login, String password) {
        Passwords passwords = new Passwords(4);
        return transactor.inTransaction(session -> {
            StaffMember agent = session.staff().add(name, StaffRole.AGENT, clock.instant());
            session.staffAccounts().setCredential(agent.id(), login, passwords.hash(password), clock.instant());
            return agent.id();
        });
    }
}
