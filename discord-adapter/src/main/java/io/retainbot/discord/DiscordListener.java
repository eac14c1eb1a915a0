package io.retainbot.discord;

import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.port.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.RestAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives JDA's events. Interactions are acknowledged right here, on JDA's event thread, before
 * anything touches the database; the engine then runs on {@code handlers}. A database outage is
 * waited out with a few retries, since Discord does not deliver a gateway event twice.
 */
final class DiscordListener extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(DiscordListener.class);
    private static final int ATTEMPTS = 5;

    private final MessageTranslator messages;
    private final InteractionTranslator interactions;
    private final ComplaintForm form;
    private final EventSink sink;
    private final ChatOrderedExecutor handlers;
    private final Clock clock;
    private final DiscordTexts texts;
    private final Duration firstPause;
    private volatile Instant lastEventAt;
    private volatile Instant disconnectedAt;

    DiscordListener(MessageTranslator messages, InteractionTranslator interactions, ComplaintForm form, EventSink sink,
                    ChatOrderedExecutor handlers, Clock clock, DiscordTexts texts, Duration firstPause) {
        this.messages = messages;
        this.interactions = interactions;
        this.form = form;
        this.sink = sink;
        this.handlers = handlers;
        this.clock = clock;
        this.texts = texts;
        this.firstPause = firstPause;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        messages.received(event.getMessage()).ifPresent(inbound -> handOver(inbound, null));
    }

    @Override
    public void onMessageUpdate(MessageUpdateEvent event) {
        messages.edited(event.getMessage()).ifPresent(inbound -> handOver(inbound, null));
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (event.getName().equals(InteractionTranslator.COMPLAINT_FORM)) {
            event.replyModal(form.build(event.getUserLocale().getLocale())).queue(
                    sent -> { }, failure -> log.warn("could not open the complaint form: {}", failure.toString()));
            return;
        }
        event.deferReply(true).queue();
        handOver(interactions.command(event), Acknowledged.withPlaceholder(event.getHook(), event.getUserLocale()));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        event.deferEdit().queue();
        handOver(interactions.button(event), Acknowledged.asUpdate(event.getHook(), event.getUserLocale()));
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        event.deferEdit().queue();
        interactions.select(event).ifPresent(inbound -> handOver(inbound,
                Acknowledged.asUpdate(event.getHook(), event.getUserLocale())));
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        event.deferReply(true).queue();
        handOver(interactions.form(event), Acknowledged.withPlaceholder(event.getHook(), event.getUserLocale()));
    }

    @Override
    public void onReady(ReadyEvent event) {
        log.info("Discord gateway ready ({} guilds)", event.getGuildTotalCount());
    }

    @Override
    public void onSessionDisconnect(SessionDisconnectEvent event) {
        disconnectedAt = clock.instant();
    }

    @Override
    public void onSessionResume(SessionResumeEvent event) {
        log.info("the Discord gateway session was resumed after a disconnect at {}: missed events are replayed",
                disconnectedAt);
    }

    /** A reconnect that could not resume: Discord does not replay what happened in between. */
    @Override
    public void onSessionRecreate(SessionRecreateEvent event) {
        Instant last = lastEventAt;
        log.warn("the Discord gateway session of shard {} could not be resumed and was recreated: events since the last one "
                        + "received at {} ({} ago; connection lost at {}) were not delivered. Direct messages and "
                        + "staff-channel messages from that window are lost (customers who got no answer will write "
                        + "again); slash commands, buttons and forms in it showed \"interaction failed\" to the user",
                event.getJDA().getShardInfo().getShardString(), last == null ? "the start" : last,
                last == null ? "?" : Duration.between(last, clock.instant()), disconnectedAt);
    }

    /**
     * How an interaction was acknowledged. A deferred reply shows "thinking" until its placeholder is
     * removed (the engine has the event) or replaced by an apology (it never got it); a deferred update
     * (a button or select) shows nothing, so only a failure is told, in a message only the user sees.
     */
    private record Acknowledged(InteractionHook hook, DiscordLocale locale, boolean placeholder) {
        static Acknowledged withPlaceholder(InteractionHook hook, DiscordLocale locale) {
            return new Acknowledged(hook, locale, true);
        }

        static Acknowledged asUpdate(InteractionHook hook, DiscordLocale locale) {
            return new Acknowledged(hook, locale, false);
        }
    }

    private void handOver(InboundEvent event, Acknowledged acknowledged) {
        lastEventAt = clock.instant();
        handlers.execute(event.channel().chatId(), () -> {
            boolean taken = accept(event);
            if (acknowledged == null || taken && !acknowledged.placeholder()) {
                return;
            }
            InteractionHook hook = acknowledged.hook();
            String apology = texts.get(texts.languageOf(acknowledged.locale()), "interaction.failed");
            RestAction<?> tidy;
            if (taken) {
                tidy = hook.deleteOriginal();
            } else if (acknowledged.placeholder()) {
                tidy = hook.editOriginal(apology);
            } else {
                tidy = hook.sendMessage(apology).setEphemeral(true);
            }
            tidy.queue(done -> { }, failure -> log.debug("could not tidy the interaction: {}", failure.toString()));
        });
    }

    private boolean accept(InboundEvent event) {
        Duration pause = firstPause;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                sink.accept(event);
                return true;
            } catch (StoreUnavailableException unavailable) {
                log.warn("database unavailable while handling Discord event {} (attempt {} of {}); retrying in {} ms",
                        event.eventId(), attempt, ATTEMPTS, pause.toMillis());
                sleep(pause);
                pause = pause.multipliedBy(2);
            } catch (RuntimeException failure) {
                log.error("handling Discord event {} failed", event.eventId(), failure);
                return false;
            }
        }
        log.error("gave up on Discord event {} after {} attempts: the database stayed unavailable", event.eventId(),
                ATTEMPTS);
        return false;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
