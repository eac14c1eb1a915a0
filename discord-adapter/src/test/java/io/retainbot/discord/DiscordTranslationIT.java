package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retainbot.core.testing.Await;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.FileRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.i18n.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recorded Discord payloads, sent through a real JDA from the fake gateway, arrive as the right core events. */
class DiscordTranslationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChannelRef MINA = new ChannelRef(Platform.DISCORD, "dm:312345678901234567");

    private final FakeDiscord discord = new FakeDiscord();
    private final List<InboundEvent> received = new CopyOnWriteArrayList<>();
    private DiscordAdapter adapter;

    @BeforeEach
    void start() throws InterruptedException {
        DiscordSettings settings = new DiscordSettings(FakeDiscord.TOKEN, Optional.empty(), 1, List.of(), 20,
                Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()));
        adapter = new DiscordAdapter(settings, Messages.builtIn(), BusinessConfig.defaults(), Clock.systemUTC());
        EventSink recording = event -> {
            received.add(event);
            return EventSink.Receipt.HANDLED;
        };
        adapter.start(recording);
        discord.awaitIdentified();
        adapter.awaitReady();
    }

    @AfterEach
    void stop() {
        adapter.close();
        discord.close();
    }

    @Test
    void readsADirectMessageWithItsAttachment() throws IOException {
        discord.dispatch("MESSAGE_CREATE", fixture("dm_message.json"));

        InboundEvent.AttachmentReceived message = (InboundEvent.AttachmentReceived) awaitEvent();

        assertThat(message.channel()).isEqualTo(MINA);
        assertThat(message.eventId()).isEqualTo("m1442081236954120263");
        assertThat(message.caption()).isEqualTo("My order #A-7781 never arrived 😞");
        assertThat(message.sender().displayName()).isEqualTo("Mina Park");
        assertThat(message.files()).singleElement().satisfies(file -> {
            assertThat(file.kind()).isEqualTo(FileRef.Kind.PHOTO);
            assertThat(file.fileName()).isEqualTo("box.jpg");
            assertThat(file.sizeBytes()).isEqualTo(183920);
        });
    }

    @Test
    void readsASlashCommandWithTheUsersLocale() throws IOException {
        discord.dispatch("INTERACTION_CREATE", fixture("slash_command.json"));

        InboundEvent.CommandReceived command = (InboundEvent.CommandReceived) awaitEvent();

        assertThat(command.channel()).isEqualTo(MINA);
        assertThat(command.name()).isEqualTo("status");
        assertThat(command.sender().languageHint()).isEqualTo("ko");
        assertThat(command.eventId()).isEqualTo("i1442081300000000000");
    }

    @Test
    void readsAButtonWithTheMessageItWasOn() throws IOException {
        discord.dispatch("INTERACTION_CREATE", fixture("button.json"));

        InboundEvent.ButtonPressed pressed = (InboundEvent.ButtonPressed) awaitEvent();

        assertThat(pressed.data()).isEqualTo("intake:category:delivery");
        assertThat(pressed.messageId()).isEqualTo("1442081240000000000");
        assertThat(pressed.sender().languageHint()).isEqualTo("en-GB");
    }

    @Test
    void readsTheComplaintFormsFields() throws IOException {
        discord.dispatch("INTERACTION_CREATE", fixture("modal_submit.json"));

        InboundEvent.FormSubmitted form = (InboundEvent.FormSubmitted) awaitEvent();

        assertThat(form.formId()).isEqualTo("complaint");
        assertThat(form.fields()).isEqualTo(Map.of("category", "product",
                "description", "The kettle stopped working after two days."));
    }

    @Test
    void ignoresItsOwnMessages() throws IOException, InterruptedException {
        JsonNode own = FakeDiscord.message(discord.nextId(), "1442070000000000007",
                FakeDiscord.user(FakeDiscord.BOT_ID, "RetainBot", true), "What is it about?");
        discord.dispatch("MESSAGE_CREATE", own);
        discord.dispatch("MESSAGE_CREATE", fixture("dm_message.json"));

        awaitEvent();

        // the gateway hands events over in order: the own message came first and was dropped on arrival
        assertThat(received).hasSize(1);
    }

    private InboundEvent awaitEvent() {
        Await.until(() -> !received.isEmpty(), Duration.ofSeconds(20), () -> "(no event arrived; REST calls: "
                + discord.calls() + ")");
        return received.get(0);
    }
    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = DiscordTranslationIT.class.getResourceAsStream("/fixtures/" + name)) {
            return JSON.readTree(in);
        }
    }
}
