package io.retainbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.customer.Birthday;
import io.retainbot.core.engine.BotContactPolicy;
import io.retainbot.core.outreach.CustomerImport;
import io.retainbot.core.reaction.AskForBirthday;
import io.retainbot.core.reaction.ReactionRelay;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import io.retainbot.core.usecase.CustomerCare;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A customer who agreed to greetings, and whose birthday the file lacks, is asked for it in chat a day
 * later: once, politely, optionally; the answer goes on the customer file. Consent imported from CSV
 * leads to the same question, a day after the import, for customers the bot can reach; consent a staff member
 * records in the console does not (the bot starts no dialogue for it).
 */
class BirthdayQuestionIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Duration DELAY = Duration.ofDays(1);

    private final MutableClock clock = MutableClock.at("2026-11-23T06:20:00Z");
    private Timekeeper timekeeper;
    private EngineFixture engine;
    private ReactionRelay relay;
    private Reactions reactions;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        timekeeper = new Timekeeper(db.dataSource(), clock, new Timekeeper.Settings("test-1", Duration.ofMillis(200), 2));
        reactions = Reactions.of(new AskForBirthday(timekeeper, DELAY));
        engine = EngineFixture.withReactions(db, clock, reactions,
                new BotContactPolicy(Duration.ofHours(2), Duration.ofMinutes(2)));
        relay = new ReactionRelay(engine.transactor(), reactions, clock);
        timekeeper.start(engine.engine()::acceptDue, new Retention(db.database().housekeeping(),
                RetentionPolicy.DEFAULT, clock), RetentionPolicy.DEFAULT);
    }

    @AfterEach
    void tearDown() {
        timekeeper.close();
    }

    private ChatTranscript agreeing(String userId, String language, String yes) {
        ChatTranscript chat = engine.chat(userId, "Mina", language).user("/start").skipUnread().press(yes).skipUnread();
        relay.runDue();
        return chat;
    }

    /** Moves the clock, lets the scheduler look, and waits until the scheduled work is done with. */
    private void passTime(Duration duration) {
        clock.advance(duration);
        timekeeper.checkNow();
        Await.until(() -> timekeeper.waiting().stream()
                        .noneMatch(waiting -> waiting.running() || !waiting.runsAt().isAfter(clock.instant())),
                Await.DEFAULT, () -> "still waiting: " + timekeeper.waiting());
    }

    private Birthday birthdayOf(String userId) {
        return engine.customerOf(userId).profile().birthday();
    }

    @Test
    void asksADayAfterConsentAndKeepsTheDayOnTheCustomerFile() {
        ChatTranscript chat = agreeing("9001", "en", "Yes, please");
        assertThat(timekeeper.waiting()).singleElement()
                .satisfies(waiting -> assertThat(waiting.event().id()).isEqualTo("birthday-ask:customer-"
                        + engine.customerOf("9001").id()));

        passTime(DELAY.minusMinutes(1));
        chat.deliverPending().botSaysNothingMore();
        passTime(Duration.ofMinutes(1));
        chat.deliverPending()
                .botAsks("May RetainBot Demo Shop send you a birthday greeting? If you would like one, tell us the day, "
                        + "for example 03-21 or 21 March. This is entirely optional.", "No, thank you")
                .user("sometime in spring")
                .botSaysContaining("I could not read \"sometime in spring\" as a day.")
                .botAsks("May RetainBot Demo Shop send you a birthday greeting?", "No, thank you")
                .user("21 March")
                .botSaysContaining("Thank you. RetainBot Demo Shop will send you a greeting on 21 March.");

        assertThat(birthdayOf("9001")).isEqualTo(Birthday.of(3, 21));
        assertThat(db.count("select count(*) from birthday_question where answered_at is not null")).isEqualTo(1);
    }

    @Test
    void noThanksEndsItAndConsentGivenAgainDoesNotAskTwice() {
        ChatTranscript chat = agreeing("9002", "en", "Yes, please");
        passTime(DELAY);
        chat.deliverPending().skipUnread()
                .press("No, thank you")
                .botSaysContaining("Of course. We will not ask again.");

        chat.user("/stop").skipUnread().press("Skip").skipUnread().user("/start").skipUnread();
        relay.runDue();
        passTime(DELAY);

        chat.deliverPending().botSaysNothingMore();
        assertThat(birthdayOf("9002")).isNull();
        assertThat(timekeeper.waiting()).isEmpty();
    }

    @Test
    void aCustomerWhoDeclinedGreetingsOrWhoseBirthdayIsKnownIsNotAsked() {
        ChatTranscript declined = engine.chat("9003", "Jon", "en").user("/start").skipUnread()
                .pressData("consent:no").skipUnread();
        engine.transactor().runInTransaction(session -> session.customers().setBirthday(
                engine.customerOf("9003").id(), Birthday.of(5, 1), clock.instant()));
        ChatTranscript known = agreeing("9004", "en", "Yes, please");
        engine.transactor().runInTransaction(session -> session.customers().setBirthday(
                engine.customerOf("9004").id(), Birthday.of(7, 9), clock.instant()));
        relay.runDue();
        passTime(DELAY);

        declined.deliverPending().botSaysNothingMore();
        known.deliverPending().botSaysNothingMore();
    }

    @Test
    void consentAStaffMemberRecordsInTheConsoleStartsNoQuestionFromTheBot() {
        ChatTranscript chat = engine.chat("9005", "Ana", "en").user("/start").skipUnread()
                .pressData("consent:no").skipUnread();
        CustomerCare care = new CustomerCare(engine.transactor(), reactions, clock, () -> { });

        assertThat(care.recordConsent(engine.customerOf("9005").id(), true, "console by Joon Lee")).isTrue();
        relay.runDue();
        passTime(DELAY);

        assertThat(engine.customerOf("9005").consent().granted()).isTrue();
        assertThat(timekeeper.waiting()).isEmpty();
        chat.deliverPending().botSaysNothingMore();
    }

    @Test
    void asksInKoreanAndTagalogAndReadsTheirWayOfWritingTheDay() {
        ChatTranscript korean = agreeing("9101", "ko", "네, 받겠습니다");
        ChatTranscript tagalog = agreeing("9201", "tl", "Opo, gusto ko");
        passTime(DELAY);

        korean.deliverPending().botSaysContaining("생일 축하 인사를 보내 드려도 되겠습니까?")
                .user("3월 21일").botSaysContaining("3월 21일에");
        tagalog.deliverPending().botSaysContaining("kaarawan")
                .user("Marso 5").botSaysContaining("sa 5 Marso");

        assertThat(birthdayOf("9101")).isEqualTo(Birthday.of(3, 21));
        assertThat(birthdayOf("9201")).isEqualTo(Birthday.of(3, 5));
    }

    @Test
    void aCustomerImportedWithConsentIsAskedOnceAfterTheSameDelayAndOnlyWhenReachable() {
        CustomerImport importer = new CustomerImport(engine.transactor(), reactions, clock, () -> { });
        String csv = """
                display_name,language,birthday,consent,consent_source,consent_at,identities
                Mina Import,en,,yes,shop form,2025-01-10T09:00:00Z,telegram:9301
                Nowhere To Reach,en,,yes,shop form,,
                Known Birthday,en,05-01,yes,shop form,,telegram:9302
                Said No,en,,no,shop form,,telegram:9303
                """;
        importer.run(new StringReader(csv));
        relay.runDue();

        assertThat(timekeeper.waiting()).singleElement().satisfies(waiting -> {
            assertThat(waiting.event().id()).isEqualTo("birthday-ask:customer-" + engine.customerOf("9301").id());
            assertThat(waiting.runsAt()).as("a day after the import, not after the consent in the file")
                    .isEqualTo(clock.instant().plus(DELAY));
        });
        ChatTranscript mina = engine.chat("9301", "Mina Import", "en");
        passTime(DELAY.minusMinutes(1));
        mina.deliverPending().botSaysNothingMore();
        passTime(Duration.ofMinutes(1));
        mina.deliverPending()
                .botAsks("May RetainBot Demo Shop send you a birthday greeting? If you would like one, tell us the day, "
                        + "for example 03-21 or 21 March. This is entirely optional.", "No, thank you")
                .user("21 March")
                .botSaysContaining("Thank you. RetainBot Demo Shop will send you a greeting on 21 March.");

        importer.run(new StringReader(csv.replace("2025-01-10T09:00:00Z", "2026-11-01T09:00:00Z")));
        relay.runDue();
        passTime(DELAY);

        mina.deliverPending().botSaysNothingMore();
        engine.chat("9302", "Known Birthday", "en").deliverPending().botSaysNothingMore();
        engine.chat("9303", "Said No", "en").deliverPending().botSaysNothingMore();
        assertThat(birthdayOf("9301")).isEqualTo(Birthday.of(3, 21));
        assertThat(timekeeper.waiting()).isEmpty();
    }
}
