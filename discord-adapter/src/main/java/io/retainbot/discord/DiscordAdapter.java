package io.retainbot.discord;

import io.retainbot.core.RetainBotException;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.port.ChatGateway;
import io.retainbot.core.port.PhotoSource;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord for RetainBot, wired by bot-app: {@link #gateway()} goes to the outbox dispatcher and
 * {@link #start} logs in (one JDA, or a shard manager when sharding is configured) with the engine
 * as the receiver of events.
 */
public final class DiscordAdapter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordAdapter.class);

    private final DiscordSettings settings;
    private final Messages messages;
    private final BusinessConfig business;
    private final Clock clock;
    private final Duration firstRetryPause;
    private final DiscordChannels channels;
    private final DiscordChatGateway gateway;
    private final ChatOrderedExecutor handlers = new ChatOrderedExecutor(8, "retainbot-discord");
    private volatile JDA jda;
    private volatile ShardManager shards;

    public DiscordAdapter(DiscordSettings settings, Messages messages, BusinessConfig business, Clock clock) {
        this(settings, messages, business, clock, Duration.ofSeconds(1), PhotoSource.NONE);
    }

    /** @param photos where the gateway reads the photos texts show */
    public DiscordAdapter(DiscordSettings settings, Messages messages, BusinessConfig business, Clock clock,
                          PhotoSource photos) {
        this(settings, messages, business, clock, Duration.ofSeconds(1), photos);
    }

    /** @param firstRetryPause the pause before offering an event again while the database is away (doubling) */
    DiscordAdapter(DiscordSettings settings, Messages messages, BusinessConfig business, Clock clock,
                   Duration firstRetryPause) {
        this(settings, messages, business, clock, firstRetryPause, PhotoSource.NONE);
    }

    private DiscordAdapter(DiscordSettings settings, Messages messages, BusinessConfig business, Clock clock,
                           Duration firstRetryPause, PhotoSource photos) {
        this.firstRetryPause = firstRetryPause;
        this.settings = settings;
        this.messages = messages;
        this.business = business;
        this.clock = clock;
        this.channels = new DiscordChannels(settings.staffChannelId());
        this.gateway = new DiscordChatGateway(this::rest, settings.bulkPerSecond(), photos);
    }

    public ChatGateway gateway() {
        return gateway;
    }

    /**
     * Where photos people sent on Discord are read back from their attachment URL, for the platforms that need
     * their bytes (the web chat page, Telegram, Discord itself); it needs no running adapter.
     */
    public static PhotoSource photosSentOn(Clock clock) {
        return new DiscordPhotos(clock);
    }

    /** The staff channel, whose events the engine only takes from active staff. */
    public Optional<ChannelRef> staffChannel() {
        return channels.staffChannel();
    }

    /**
     * Logs in and starts receiving; returns at once (the gateway connects in the background).
     *
     * @throws DiscordLoginFailed when Discord refuses the token or cannot be reached
     */
    public synchronized void start(EventSink sink) {
        try {
            connect(sink);
        } catch (InvalidTokenException refused) {
            throw new DiscordLoginFailed("Discord refused DISCORD_BOT_TOKEN (401 Unauthorized): copy the token again "
                    + "from the Bot page of the developer portal, or reset it there", refused);
        } catch (ErrorResponseException unreachable) {
            throw new DiscordLoginFailed("could not log in to Discord: " + unreachable.getMessage(), unreachable);
        }
    }

    /** Discord did not let the bot log in: a wrong token, or Discord could not be reached. */
    public static final class DiscordLoginFailed extends RetainBotException {
        DiscordLoginFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Discord's REST calls connect within 5 s and end within {@link DiscordChatGateway#CALL_TIMEOUT}:
     * a Discord API that hangs gives a retryable failure instead of holding a sender.
     */
    private static OkHttpClient.Builder http() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .callTimeout(DiscordChatGateway.CALL_TIMEOUT)
                .readTimeout(DiscordChatGateway.CALL_TIMEOUT)
                .writeTimeout(DiscordChatGateway.CALL_TIMEOUT);
    }

    private void connect(EventSink sink) {
        DiscordListener listener = new DiscordListener(new MessageTranslator(channels, clock),
                new InteractionTranslator(channels, clock), new ComplaintForm(messages, business), sink, handlers, clock,
                DiscordTexts.load(), firstRetryPause);
        RestConfig rest = new RestConfig();
        settings.restBaseUrl().ifPresent(rest::setBaseUrl);
        SessionControllerAdapter sessions = new SessionControllerAdapter() {
            @Override
            public String getGateway() {
                return settings.gatewayUrl().orElseGet(super::getGateway);
            }
        };
        if (settings.sharded()) {
            DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(settings.token(), intents(settings))
                    .setShardsTotal(settings.shardsTotal())
                    .setRestConfig(rest)
                    .setHttpClientBuilder(http())
                    .setSessionController(sessions)
                    .setEnableShutdownHook(false)
                    .disableCache(EnumSet.allOf(CacheFlag.class))
                    .addEventListeners(listener);
            if (!settings.shardIds().isEmpty()) {
                builder.setShards(settings.shardIds());
            }
            shards = builder.build();
            shards.getShards().stream().findFirst().ifPresent(first ->
                    first.updateCommands().addCommands(SlashCommands.all()).queue(done -> { },
                            failure -> log.warn("could not register slash commands: {}", failure.toString())));
        } else {
            jda = JDABuilder.createLight(settings.token(), intents(settings))
                    .setRestConfig(rest)
                    .setHttpClientBuilder(http())
                    .setSessionController(sessions)
                    .setEnableShutdownHook(false)
                    .setCompression(settings.gatewayUrl().isPresent() ? Compression.NONE : Compression.ZLIB)
                    .addEventListeners(listener)
                    .build();
            jda.updateCommands().addCommands(SlashCommands.all()).queue(done -> { },
                    failure -> log.warn("could not register slash commands: {}", failure.toString()));
        }
        log.info("Discord adapter started ({})", settings);
    }

    /**
     * The gateway intents: {@code DIRECT_MESSAGES} always; {@code GUILD_MESSAGES} and the privileged
     * {@code MESSAGE_CONTENT} only with a staff channel, whose messages the bot must read. Asking for a
     * privileged intent that is not switched on in the developer portal makes Discord close the
     * connection (4014), so a bot without a staff channel does not ask for it at all.
     */
    static EnumSet<GatewayIntent> intents(DiscordSettings settings) {
        EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.DIRECT_MESSAGES);
        if (settings.staffChannelId().isPresent()) {
            intents.add(GatewayIntent.GUILD_MESSAGES);
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        return intents;
    }

    /**
     * Opens a thread in the staff channel (one per complaint, for example) with its first message,
     * and returns the thread as a chat: sending to it posts in the thread, and replies there are read
     * as staff-channel events. Empty when no staff channel is configured or Discord refused.
     */
    public Optional<ChannelRef> openStaffThread(String title, OutboundMessage first) {
        Optional<String> staff = settings.staffChannelId();
        if (staff.isEmpty()) {
            return Optional.empty();
        }
        TextChannel channel = rest().getTextChannelById(staff.get());
        if (channel == null) {
            log.warn("the staff channel {} is not a text channel the bot can see; check DISCORD_STAFF_CHANNEL_ID and "
                    + "the bot's access to it", staff.get());
            return Optional.empty();
        }
        String name = title.length() > 100 ? title.substring(0, 100) : title;
        try {
            ThreadChannel thread = channel.createThreadChannel(name).complete();
            ChannelRef chat = new ChannelRef(Platform.DISCORD, thread.getId());
            SendOutcome outcome = gateway.send(chat, first);
            if (!(outcome instanceof SendOutcome.Delivered)) {
                log.warn("opened staff thread {} but its first message was not delivered: {}", thread.getId(), outcome);
            }
            return Optional.of(chat);
        } catch (ErrorResponseException refused) {
            log.warn("Discord refused a staff thread in {}: {}", staff.get(), refused.getMeaning());
            return Optional.empty();
        }
    }

    /** Waits until the gateway is connected; for tests and for an orderly start-up log. */
    void awaitReady() throws InterruptedException {
        if (jda != null) {
            jda.awaitReady();
        }
        ShardManager manager = shards;
        if (manager != null) {
            while (manager.getShardsQueued() > 0) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            for (JDA shard : manager.getShards()) {
                shard.awaitReady();
            }
        }
    }

    private JDA rest() {
        JDA single = jda;
        if (single != null) {
            return single;
        }
        ShardManager manager = shards;
        if (manager == null || manager.getShards().isEmpty()) {
            throw new IllegalStateException("the Discord adapter has not started");
        }
        return manager.getShards().get(0);
    }

    @Override
    public synchronized void close() {
        if (jda != null) {
            jda.shutdown();
        }
        if (shards != null) {
            shards.shutdown();
        }
        handlers.close();
    }
}
