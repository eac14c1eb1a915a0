package io.retainbot.discord;

import io.retainbot.core.RetainBotException;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.conversation.ChannelRef;
import io.retainbot.core.conversation.EventSink;
import io.retainbot.core.port.ChatGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.utils.Compression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord for RetainBot, wired by bot-app: {@link #gateway()} goes to the outbox dispatcher,
 * {@link #staffChannel()} to the engine's staff channels, then {@link #start} connects the engine
 * and logs in (one JDA, or a shard manager when sharding is configured). The global slash commands
 * are (re)registered on the first READY.
 */
public final class DiscordAdapter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordAdapter.class);
    private static final int LANES = 4;

    private final DiscordSettings settings;
    private final BusinessConfig business;
    private final Clock clock;
    private final DiscordTexts texts = DiscordTexts.load();
    private final DiscordChatGateway gateway;
    private final StaffScope staff;
    private final Duration firstRetryPause;
    private volatile DiscordConnection connection;
    private EventIntake intake;
    private SessionWatch session;

    public DiscordAdapter(DiscordSettings settings, BusinessConfig business, Clock clock) {
        this(settings, business, clock, Duration.ofSeconds(1));
    }

    DiscordAdapter(DiscordSettings settings, BusinessConfig business, Clock clock, Duration firstRetryPause) {
        this.settings = settings;
        this.business = business;
        this.clock = clock;
        this.gateway = new DiscordChatGateway(settings.bulkPerSecond());
        this.staff = new StaffScope(settings.staffChannelId());
        this.firstRetryPause = firstRetryPause;
    }

    public ChatGateway gateway() {
        return gateway;
    }

    /** The staff channel as the engine must know it (events from it and its threads come under this reference). */
    public Optional<ChannelRef> staffChannel() {
        return staff.ref();
    }

    /** Posting and threads in the staff channel, when one is configured. */
    public Optional<DiscordStaffChannel> staffPosts() {
        return settings.staffChannelId().map(id -> new DiscordStaffChannel(id, gateway, () -> connection));
    }

    /**
     * Logs in and starts receiving: events go to {@code sink} on threads from {@code threads}.
     * Returns once the token is accepted; the gateway connects in the background.
     *
     * @throws DiscordLoginFailed when Discord refuses the token or cannot be reached
     */
    public synchronized void start(EventSink sink, ThreadFactory threads) {
        if (connection != null) {
            throw new IllegalStateException("the Discord adapter is already started");
        }
        intake = new EventIntake(sink, threads, LANES, firstRetryPause, 5);
        session = new SessionWatch(clock);
        DiscordListener listener = new DiscordListener(Translators.of(staff, clock), intake,
                new ComplaintForm(business, texts), texts, session);
        ListenerAdapter onFirstReady = new ListenerAdapter() {
            private boolean registered;

            @Override
            public synchronized void onReady(ReadyEvent event) {
                if (!registered) {
                    registered = true;
                    registerCommands();
                }
            }
        };
        try {
            connection = settings.sharded() ? sharded(listener, onFirstReady) : single(listener, onFirstReady);
        } catch (InvalidTokenException refused) {
            intake.close();
            throw new DiscordLoginFailed("Discord refused DISCORD_BOT_TOKEN (401): reset the token on the Bot page of the "
                    + "developer portal and set the new one", refused);
        } catch (RuntimeException unreachable) {
            intake.close();
            throw new DiscordLoginFailed("could not log in to Discord: " + unreachable, unreachable);
        }
        gateway.connectedThrough(connection);
        log.info("Discord adapter logging in with intents {} ({})", intents(), settings);
    }

    /** Registers /complaint, /status, /language, /stop and /help globally (replacing the bot's earlier set). */
    public void registerCommands() {
        DiscordConnection discord = connection;
        if (discord == null) {
            throw new IllegalStateException("start the Discord adapter first");
        }
        discord.anyShard().updateCommands().addCommands(new SlashCommands(texts).all()).queue(
                commands -> log.info("Discord slash commands registered: {}", SlashCommands.NAMES),
                failure -> log.warn("Discord refused the slash commands: {}", failure.toString()));
    }

    /** The gateway intents: DMs always; guild messages and their content only for a staff channel. */
    EnumSet<GatewayIntent> intents() {
        EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.DIRECT_MESSAGES);
        if (settings.staffChannelId().isPresent()) {
            intents.add(GatewayIntent.GUILD_MESSAGES);
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        return intents;
    }

    /** Waits until the gateway has sent READY to every shard of this instance. */
    void awaitReady() throws InterruptedException {
        connection.awaitReady();
    }

    /** The session watch, for tests of the reconnect warning. */
    SessionWatch sessionWatch() {
        return session;
    }

    private DiscordConnection single(Object... listeners) {
        JDABuilder builder = JDABuilder.createLight(settings.token(), intents())
                .setEnableShutdownHook(false)
                .addEventListeners(listeners);
        settings.restBaseUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url.toString())));
        settings.gatewayUrl().ifPresent(url -> builder.setSessionController(new FixedGateway(url))
                .setCompression(Compression.NONE));
        return new DiscordConnection.Single(builder.build());
    }

    private DiscordConnection sharded(Object... listeners) {
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(settings.token(), intents())
                .setShardsTotal(settings.shardsTotal())
                .setEnableShutdownHook(false)
                .addEventListeners(listeners);
        if (!settings.shardIds().isEmpty()) {
            builder.setShards(settings.shardIds());
        }
        settings.restBaseUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url.toString())));
        settings.gatewayUrl().ifPresent(url -> builder.setSessionController(new FixedGateway(url))
                .setCompression(Compression.NONE));
        return new DiscordConnection.Sharded(builder.build());
    }

    /** Discord did not let the bot log in: a wrong token, or Discord could not be reached. */
    public static final class DiscordLoginFailed extends RetainBotException {
        DiscordLoginFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        if (intake != null) {
            intake.close();
        }
    }
}
