package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.conversation.InboundEvent;
import io.retainbot.core.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Interactions from the fake gateway: acknowledged at once, handed to the engine after. */
class DiscordInteractionIT {
    private FakeDiscord discord;
    private RecordingSink sink;
    private DiscordAdapter adapter;

    @BeforeEach
    void connect() throws InterruptedException {
        discord = new FakeDiscord().start();
        sink = new RecordingSink();
        adapter = new DiscordAdapter(discord.settings(), BusinessConfig.defaults(), MutableClock.at("2026-11-23T08:15:01Z"),
                Duration.ofMillis(20));
        adapter.start(sink, DiscordTranslationIT::daemon);
        adapter.awaitReady();
    }

    @AfterEach
    void disconnect() {
        adapter.close();
        discord.close();
    }

    private List<FakeDiscord.Call> callbacks(String interactionId) {
        return discord.calls("POST", "/interactions/" + interactionId + "/[^/]+/callback");
    }

    private <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 20 s, last seen: " + value + "; all calls: "
                        + discord.calls().stream().map(call -> call.method() + " " + call.path()).toList());
            }
            Thread.onSpinWait();
            value = probe.get();
        }
        return value;
    }

    @Test
    void complaintCommandOpensTheFormWithTheCategoriesInTheUsersLanguage() throws InterruptedException {
        discord.dispatchFixture("slash_complaint");

        List<FakeDiscord.Call> callbacks = await(() -> callbacks("1985523115622400002"), list -> !list.isEmpty());
        JsonNode modal = callbacks.get(0).body();
        assertThat(modal.path("type").asInt()).isEqualTo(9);
        assertThat(modal.path("data").path("custom_id").asText()).isEqualTo("complaint");
        assertThat(modal.path("data").path("title").asText()).isEqualTo("불편 접수");
        JsonNode labels = modal.path("data").path("components");
        assertThat(labels).hasSize(2);
        JsonNode select = labels.get(0).path("component");
        assertThat(select.path("custom_id").asText()).isEqualTo("category");
        List<String> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        select.path("options").forEach(option -> {
            values.add(option.path("value").asText());
            names.add(option.path("label").asText());
        });
        assertThat(values).containsExactly("delivery", "product", "service", "billing", "other");
        assertThat(names).containsExactly("배송", "상품", "서비스", "결제", "기타");
        assertThat(labels.get(1).path("component").path("custom_id").asText()).isEqualTo("description");
        assertThat(labels.get(1).path("component").path("style").asInt()).isEqualTo(2);
        assertThat(sink.staysEmpty(Duration.ofMillis(300))).isTrue();
    }

    @Test
    void formSubmissionIsDeferredBeforeTheEngineTakesItAndThePlaceholderRemovedAfter() {
        sink.hold();
        discord.dispatchFixture("modal_submit");

        List<FakeDiscord.Call> callbacks = await(() -> callbacks("1985523115622400004"), list -> !list.isEmpty());
        assertThat(callbacks.get(0).body().path("type").asInt()).isEqualTo(5);
        assertThat(sink.offered()).isEmpty();
        assertThat(discord.calls("DELETE", "/webhooks/\\d+/token-1985523115622400004/messages/@original")).isEmpty();

        sink.release();
        InboundEvent.FormSubmitted form = sink.next(InboundEvent.FormSubmitted.class);
        assertThat(form.fields()).isEqualTo(Map.of("category", "delivery", "description", "The parcel arrived broken"));
        await(() -> discord.calls("DELETE", "/webhooks/" + FakeDiscord.APPLICATION_ID
                + "/token-1985523115622400004/messages/@original"), list -> list.size() == 1);
    }

    @Test
    void buttonPressIsAcknowledgedAsDeferredUpdateAndContinuesTheFlow() {
        sink.hold();
        discord.dispatchFixture("button");

        List<FakeDiscord.Call> callbacks = await(() -> callbacks("1985523115622400003"), list -> !list.isEmpty());
        assertThat(callbacks.get(0).body().path("type").asInt()).isEqualTo(6);
        assertThat(sink.offered()).isEmpty();

        sink.release();
        assertThat(sink.next(InboundEvent.ButtonPressed.class).data()).isEqualTo("menu:status");
    }

    @Test
    void otherSlashCommandsAreDeferredThenHandedToTheEngine() {
        discord.dispatchFixture("slash_status");

        assertThat(sink.next(InboundEvent.CommandReceived.class).name()).isEqualTo("status");
        assertThat(await(() -> callbacks("1985523115622400001"), list -> !list.isEmpty()).get(0).body().path("type")
                .asInt()).isEqualTo(5);
        await(() -> discord.calls("DELETE", "/webhooks/\\d+/token-1985523115622400001/messages/@original"),
                list -> list.size() == 1);
    }

    @Test
    void eventTheEngineRefusedOnceIsOfferedAgain() {
        sink.failNext(1);
        discord.dispatchFixture("dm_message");

        assertThat(sink.next(InboundEvent.TextReceived.class).eventId()).isEqualTo("message:1310000000000000001");
        assertThat(sink.offered()).hasSize(2);
    }

    @Test
    void interactionTheEngineNeverTookEndsWithAnApologyInsteadOfThePlaceholder() {
        sink.failNext(5);
        discord.dispatchFixture("slash_status");

        List<FakeDiscord.Call> edits = await(() -> discord.calls("PATCH",
                "/webhooks/\\d+/token-1985523115622400001/messages/@original"), list -> !list.isEmpty());
        assertThat(edits.get(0).body().path("content").asText()).startsWith("죄송합니다");
        assertThat(sink.offered()).hasSize(5);
        assertThat(discord.calls("DELETE", "/webhooks/\\d+/token-1985523115622400001/messages/@original")).isEmpty();
    }
}
