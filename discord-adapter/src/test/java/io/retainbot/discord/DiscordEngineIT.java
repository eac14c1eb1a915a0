package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.conversation.ConversationEngine;
import io.retainbot.core.conversation.OutboxDispatcher;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole way with no Discord: fake gateway -> JDA -> adapter -> real conversation engine on
 * PostgreSQL -> outbox dispatcher -> Discord chat gateway -> JDA -> fake REST API.
 */
class DiscordEngineIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final String MINA_DM_MESSAGES = "/channels/" + FakeDiscord.dmChannelOf("123456789012345678") + "/messages";

    private FakeDiscord discord;
    private DiscordAdapter adapter;
    private OutboxDispatcher dispatcher;
    private ExecutorService senders;

    @BeforeEach
    void wire() throws InterruptedException {
        db.truncateAll();
        Clock clock = Clock.systemUTC();
        BusinessConfig defaults = BusinessConfig.defaults();
        BusinessConfig business = new BusinessConfig("Demo Shop", defaults.zone(), defaults.hours(), defaults.holidays(),
                defaults.categories(), defaults.promise(), defaults.referrals(), defaults.templates());
        discord = new FakeDiscord().start();
        adapter = new DiscordAdapter(discord.settings(), business, clock);
        senders = Executors.newFixedThreadPool(2, DiscordTranslationIT::daemon);
        dispatcher = new OutboxDispatcher(db.database().transactor(), List.of(adapter.gateway()), senders, 2, clock,
                new SimpleMeterRegistry());
        dispatcher.start(DiscordTranslationIT::daemon);
        ConversationEngine engine = new ConversationEngine(db.database().transactor(), Messages.builtIn(), business,
                adapter.staffChannel().map(Set::of).orElse(Set.of()), clock, dispatcher::wakeUp);
        adapter.start(engine, DiscordTranslationIT::daemon);
        adapter.awaitReady();
    }

    @AfterEach
    void unwire() throws InterruptedException {
        adapter.close();
        dispatcher.close();
        senders.shutdown();
        senders.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        discord.close();
    }

    private List<String> postedToMina(Predicate<List<String>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> texts = FakeDiscord.texts(discord.calls("POST", MINA_DM_MESSAGES));
        while (!done.test(texts)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the bot did not post as expected within 30 s; posted: " + texts);
            }
            Thread.onSpinWait();
            texts = FakeDiscord.texts(discord.calls("POST", MINA_DM_MESSAGES));
        }
        return texts;
    }

    @Test
    void firstDirectMessageIsAnsweredWithTheGreetingInTheDirectMessage() {
        discord.dispatchFixture("dm_start");

        List<String> posted = postedToMina(texts -> texts.size() >= 2);
        assertThat(posted.get(0)).contains("welcome to Demo Shop");
        assertThat(discord.calls("POST", MINA_DM_MESSAGES)).anySatisfy(call -> assertThat(
                call.body().path("components").toString()).contains("consent:yes"));
    }

    @Test
    void complaintFormFilesTheComplaintAndAcknowledgesItWithItsReference() {
        discord.dispatchFixture("dm_start");
        postedToMina(texts -> !texts.isEmpty());

        discord.dispatchFixture("slash_complaint");
        discord.dispatchFixture("modal_submit");

        List<String> posted = postedToMina(texts -> texts.stream().anyMatch(text -> text.matches("(?s).*C-\\d+.*")));
        assertThat(posted).anySatisfy(text -> assertThat(text).containsPattern("C-\\d+"));
        assertThat(discord.calls("POST", "/interactions/\\d+/[^/]+/callback"))
                .extracting(call -> call.body().path("type").asInt()).containsExactlyInAnyOrder(9, 5);
    }

    @Test
    void sameGatewayEventDeliveredTwiceIsAnsweredOnce() {
        discord.dispatchFixture("dm_start");
        List<String> first = postedToMina(texts -> texts.size() >= 2);
        discord.dispatchFixture("dm_start");
        discord.dispatchFixture("dm_message");

        postedToMina(texts -> texts.stream().anyMatch(text -> !first.contains(text)));
        List<String> all = FakeDiscord.texts(discord.calls("POST", MINA_DM_MESSAGES));
        assertThat(all.stream().filter(text -> text.contains("welcome to Demo Shop")).count()).isEqualTo(1);
        assertThat(all).noneMatch(text -> text.contains("Welcome back"));
    }
}
