package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.port.StoreUnavailableException;
import io.retainbot.core.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** While the database is away: events are offered again, and a user is never left with "thinking" forever. */
class DiscordUnavailableEngineIT {
    private final FakeDiscord discord = new FakeDiscord();
    private final List<InboundEvent> offered = new CopyOnWriteArrayList<>();
    private final AtomicInteger outagesLeft = new AtomicInteger();
    private final EventSink engine = event -> {
        offered.add(event);
        if (outagesLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new StoreUnavailableException("database unavailable (test)", null);
        }
        return EventSink.Receipt.HANDLED;
    };
    private DiscordAdapter adapter;

    @BeforeEach
    void start() throws InterruptedException {
        DiscordSettings settings = new DiscordSettings(FakeDiscord.TOKEN, Optional.empty(), 1, List.of(), 20,
                Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()));
        adapter = new DiscordAdapter(settings, Messages.builtIn(), BusinessConfig.defaults(), Clock.systemUTC(),
                Duration.ofMillis(20));
        adapter.start(engine);
        discord.awaitIdentified();
        adapter.awaitReady();
    }

    @AfterEach
    void stop() {
        adapter.close();
        discord.close();
    }

    private static void await(BooleanSupplier condition) {
        Await.until(condition, Duration.ofSeconds(20), () -> "");
    }

    private List<FakeDiscord.Call> originalReply(String interaction, String method) {
        return discord.calls().stream().filter(call -> call.method().equals(method)
                && call.path().endsWith("/token-" + interaction + "/messages/@original")).toList();
    }

    @Test
    void commandThatMetAShortOutageIsHandledAndItsPlaceholderRemoved() {
        outagesLeft.set(2);
        String interaction = discord.nextId();

        discord.dispatch("INTERACTION_CREATE", GatewayEvents.slashCommand(interaction, "400000000000000011", "ana", "en-US",
                "status"));

        await(() -> originalReply(interaction, "DELETE").size() == 1);
        assertThat(offered).hasSize(3).extracting(InboundEvent::eventId).containsOnly(offered.get(0).eventId());
        assertThat(originalReply(interaction, "PATCH")).isEmpty();
    }

    @Test
    void commandTheEngineNeverGotEndsWithAnApologyInTheUsersLanguage() {
        outagesLeft.set(100);
        String interaction = discord.nextId();

        discord.dispatch("INTERACTION_CREATE", GatewayEvents.slashCommand(interaction, "400000000000000012", "mina", "ko",
                "status"));

        await(() -> originalReply(interaction, "PATCH").size() == 1);
        assertThat(originalReply(interaction, "PATCH").get(0).content()).startsWith("죄송합니다").contains("다시 시도");
        assertThat(originalReply(interaction, "DELETE")).isEmpty();
        assertThat(offered).hasSize(5);
    }

    @Test
    void buttonPressTheEngineNeverGotIsAnsweredWithAnApologyOnlyTheUserSees() {
        outagesLeft.set(100);
        String interaction = discord.nextId();

        discord.dispatch("INTERACTION_CREATE", GatewayEvents.button(interaction, "400000000000000013", "ben", "menu:status",
                discord.nextId()));

        await(() -> discord.calls().stream().anyMatch(call -> call.method().equals("POST")
                && call.path().endsWith("/token-" + interaction)));
        FakeDiscord.Call followUp = discord.calls().stream().filter(call -> call.method().equals("POST")
                && call.path().endsWith("/token-" + interaction)).findFirst().orElseThrow();
        assertThat(followUp.content()).startsWith("Sorry, that did not go through");
        assertThat(followUp.body().path("flags").asInt() & 64).isEqualTo(64);
        assertThat(offered).hasSize(5);
    }

    @Test
    void buttonPressTheEngineTookNeedsNothingMore() {
        String interaction = discord.nextId();

        discord.dispatch("INTERACTION_CREATE", GatewayEvents.button(interaction, "400000000000000014", "cleo", "menu:status",
                discord.nextId()));

        await(() -> offered.size() == 1 && !discord.callbacks(interaction).isEmpty());
        assertThat(discord.callbacks(interaction)).extracting(call -> call.body().path("type").asInt()).containsExactly(6);
        assertThat(discord.calls()).noneMatch(call -> call.path().contains("/webhooks/"));
    }
}
