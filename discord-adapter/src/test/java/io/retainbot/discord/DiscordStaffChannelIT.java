package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.engine.ConversationEngine;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.outbox.OutboxDispatcher;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.staff.StaffIdentity;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The staff channel: threads opened with buttons, and replies there taken from staff only. */
class DiscordStaffChannelIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final String GUILD = "1441000000000000001";
    private static final String STAFF = "1441000000000000010";

    private final FakeDiscord discord = new FakeDiscord().withGuild(GUILD, STAFF);
    private final Transactor transactor = db.database().transactor();
    private final ExecutorService senders = Executors.newFixedThreadPool(2);
    private OutboxDispatcher dispatcher;
    private DiscordAdapter adapter;

    @BeforeEach
    void start() throws InterruptedException {
        db.truncateAll();
        DiscordSettings settings = new DiscordSettings(FakeDiscord.TOKEN, Optional.of(STAFF), 1, List.of(), 20,
                Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()));
        adapter = new DiscordAdapter(settings, Messages.builtIn(), BusinessConfig.defaults(), Clock.systemUTC());
        dispatcher = new OutboxDispatcher(transactor, List.of(adapter.gateway()), senders, 2, Clock.systemUTC(),
                new SimpleMeterRegistry());
        ConversationEngine engine = new ConversationEngine(transactor, Messages.builtIn(), BusinessConfig.defaults(),
                adapter.staffChannel().map(java.util.Set::of).orElseThrow(), Clock.systemUTC(), dispatcher::wakeUp);
        adapter.start(engine);
        discord.awaitIdentified();
        adapter.awaitReady();
    }

    @AfterEach
    void stop() throws InterruptedException {
        adapter.close();
        dispatcher.close();
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.SECONDS);
        discord.close();
    }

    @Test
    void opensAThreadWithButtonsForAComplaint() {
        Optional<ChannelRef> thread = adapter.openStaffThread("C-1042 · Delivery · Ana",
                new OutboundMessage.Text("New complaint C-1042: the parcel arrived crushed.",
                        List.of(List.of(new Button("Claim", "staff:claim:1042"), new Button("Resolve", "staff:resolve:1042")))));

        assertThat(thread).isPresent();
        assertThat(discord.calls()).anySatisfy(call -> {
            assertThat(call.path()).isEqualTo("/api/v10/channels/" + STAFF + "/threads");
            assertThat(call.body().path("name").asText()).isEqualTo("C-1042 · Delivery · Ana");
        });
        assertThat(discord.calls()).anySatisfy(call -> {
            assertThat(call.path()).isEqualTo("/api/v10/channels/" + thread.get().chatId() + "/messages");
            assertThat(call.content()).startsWith("New complaint C-1042");
            assertThat(call.body().path("components").findValuesAsText("custom_id"))
                    .containsExactly("staff:claim:1042", "staff:resolve:1042");
        });
    }

    @Test
    void aPingOpensAThreadUnderItselfWhereLaterMessagesGo() {
        SendOutcome ping = adapter.gateway().send(new ChannelRef(Platform.DISCORD, STAFF), new OutboundMessage.Text(
                "New complaint C-1042 · Delivery", List.of(List.of(new Button("Claim", "staff:claim:C-1042"))), "",
                "C-1042 · Delivery"));

        assertThat(ping).isInstanceOf(SendOutcome.Delivered.class);
        String pingId = ((SendOutcome.Delivered) ping).messageId();
        assertThat(discord.calls()).anySatisfy(call -> {
            assertThat(call.path()).isEqualTo("/api/v10/channels/" + STAFF + "/messages/" + pingId + "/threads");
            assertThat(call.body().path("name").asText()).isEqualTo("C-1042 · Delivery");
        });

        SendOutcome relayed = adapter.gateway().send(new ChannelRef(Platform.DISCORD, pingId),
                OutboundMessage.Text.of("Mina about C-1042: thank you"));

        assertThat(relayed).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(discord.calls()).anySatisfy(call -> {
            assertThat(call.path()).isEqualTo("/api/v10/channels/" + pingId + "/messages");
            assertThat(call.content()).isEqualTo("Mina about C-1042: thank you");
        });
    }

    @Test
    void takesMessagesInTheStaffChannelFromStaffOnly() {
        StaffMember jun = transactor.inTransaction(session -> session.staff().add("Jun", StaffRole.AGENT, Instant.now()));
        transactor.runInTransaction(session -> session.staff().link(jun.id(),
                new StaffIdentity(Platform.DISCORD, "322345678901234567", STAFF)));
        String fromStaff = discord.nextId();
        String fromStranger = discord.nextId();

        discord.dispatch("MESSAGE_CREATE", guildMessage(fromStaff, "322345678901234567", "I will take C-1042"));
        discord.dispatch("MESSAGE_CREATE", guildMessage(fromStranger, "399999999999999999", "let me in"));

        awaitOutcome("m" + fromStaff, "handled");
        awaitOutcome("m" + fromStranger, "ignored");
    }

    private static ObjectNode guildMessage(String id, String authorId, String content) {
        ObjectNode message = FakeDiscord.message(id, STAFF, FakeDiscord.user(authorId, "person" + authorId, false), content);
        message.put("guild_id", GUILD);
        ObjectNode member = message.putObject("member").put("joined_at", "2026-01-05T09:00:00.000000+00:00")
                .put("deaf", false).put("mute", false).put("flags", 0);
        member.putArray("roles");
        return message;
    }

    private void awaitOutcome(String eventId, String outcome) {
        Await.until(() -> outcome.equals(inboxOutcome(eventId)), Await.DEFAULT,
                () -> "event " + eventId + " never recorded as " + outcome + " (is " + inboxOutcome(eventId) + ")");
    }

    private static String inboxOutcome(String eventId) {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select outcome from inbox where platform = 'discord' and event_id = '"
                     + eventId + "'")) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
