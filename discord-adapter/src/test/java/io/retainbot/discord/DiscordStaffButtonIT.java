package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.i18n.Messages;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Buttons on staff posts reach the engine as the staff channel (taken from active staff only), not as a DM. */
class DiscordStaffButtonIT {
    private static final String GUILD = "700000000000000001";
    private static final String STAFF = "700000000000000010";

    private final FakeDiscord discord = new FakeDiscord().withGuild(GUILD, STAFF);
    private final BlockingQueue<InboundEvent> received = new LinkedBlockingQueue<>();
    private DiscordAdapter adapter;

    @BeforeEach
    void start() throws InterruptedException {
        DiscordSettings settings = new DiscordSettings(FakeDiscord.TOKEN, Optional.of(STAFF), 1, List.of(), 20,
                Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()));
        adapter = new DiscordAdapter(settings, Messages.builtIn(), BusinessConfig.defaults(), Clock.systemUTC());
        adapter.start(event -> {
            received.add(event);
            return EventSink.Receipt.HANDLED;
        });
        discord.awaitIdentified();
        adapter.awaitReady();
    }

    @AfterEach
    void stop() {
        adapter.close();
        discord.close();
    }

    private InboundEvent.ButtonPressed nextPress() throws InterruptedException {
        InboundEvent event = received.poll(20, TimeUnit.SECONDS);
        assertThat(event).isInstanceOf(InboundEvent.ButtonPressed.class);
        return (InboundEvent.ButtonPressed) event;
    }

    @Test
    void buttonOnAStaffPostComesAsTheStaffChannelWithTheStaffMemberAsSender() throws InterruptedException {
        String interaction = discord.nextId();
        discord.dispatch("INTERACTION_CREATE", GatewayEvents.guildButton(interaction, GUILD, STAFF, "500000000000000002",
                "jun", "staff:take:1042", discord.nextId()));

        InboundEvent.ButtonPressed pressed = nextPress();
        assertThat(pressed.channel()).isEqualTo(new ChannelRef(Platform.DISCORD, STAFF));
        assertThat(adapter.staffChannel()).contains(pressed.channel());
        assertThat(pressed.sender().platformUserId()).isEqualTo("500000000000000002");
        assertThat(pressed.data()).isEqualTo("staff:take:1042");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (discord.callbacks(interaction).isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(discord.callbacks(interaction)).extracting(call -> call.body().path("type").asInt()).containsExactly(6);
    }

    @Test
    void buttonInADirectMessageStaysTheUsersChat() throws InterruptedException {
        discord.dispatch("INTERACTION_CREATE", GatewayEvents.button(discord.nextId(), "400000000000000051", "ana",
                "menu:status", discord.nextId()));

        assertThat(nextPress().channel()).isEqualTo(new ChannelRef(Platform.DISCORD, "dm:400000000000000051"));
    }
}
