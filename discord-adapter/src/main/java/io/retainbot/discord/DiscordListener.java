package io.retainbot.discord;

import io.retainbot.core.conversation.EventSink;
import io.retainbot.core.conversation.InboundEvent;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.exceptions.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives JDA's events on its event thread, does nothing slow there, and hands the translated
 * event to the {@link EventIntake}.
 *
 * <p>Interactions are acknowledged first, before any database work, well within Discord's 3 s:
 * /complaint is answered at once with the complaint form (the form is the answer); other slash
 * commands and form submissions with a deferred reply ("thinking"), button presses with a deferred
 * update (the message stays as it is). The engine's answer then goes out as an ordinary message in
 * the DM through the outbox (not through the interaction token, which expires after 15 minutes and
 * would bypass the outbox's pacing and retries); once the engine has committed, the deferred
 * "thinking" placeholder is deleted. If the engine could not take the event, the placeholder is
 * replaced by an apology asking to try again.
 */
final class DiscordListener extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(DiscordListener.class);
    /** An interaction that expired or was answered elsewhere is not worth a stack trace; anything else is logged by JDA. */
    private static final ErrorHandler ACK_FAILED = new ErrorHandler().ignore(ErrorResponse.UNKNOWN_INTERACTION);

    private final Translators translators;
    private final EventIntake intake;
    private final ComplaintForm form;
    private final DiscordTexts texts;
    private final SessionWatch session;

    DiscordListener(Translators translators, EventIntake intake, ComplaintForm form, DiscordTexts texts,
                    SessionWatch session) {
        this.translators = translators;
        this.intake = intake;
        this.form = form;
        this.texts = texts;
        this.session = session;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        session.eventArrived();
        translators.message().translate(event).ifPresent(inbound -> intake.hand(inbound, receipt -> { }));
    }

    @Override
    public void onMessageUpdate(MessageUpdateEvent event) {
        session.eventArrived();
        translators.edit().translate(event).ifPresent(inbound -> intake.hand(inbound, receipt -> { }));
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        session.eventArrived();
        if (event.getName().equals(ComplaintForm.FORM_ID)) {
            event.replyModal(form.in(event.getUserLocale())).queue(null, ACK_FAILED);
            return;
        }
        event.deferReply(true).queue(null, ACK_FAILED);
        handOver(translators.slashCommand().translate(event), event.getHook(), Senders.languageHint(event.getUserLocale()));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        session.eventArrived();
        event.deferEdit().queue(null, ACK_FAILED);
        Optional<InboundEvent> inbound = translators.button().translate(event);
        String language = Senders.languageHint(event.getUserLocale());
        inbound.ifPresent(pressed -> intake.hand(pressed, receipt -> {
            if (receipt.isEmpty()) {
                event.getHook().sendMessage(texts.get(language, "error.try_again")).setEphemeral(true).queue(null,
                        this::hookFailed);
            }
        }));
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        session.eventArrived();
        event.deferReply(true).queue(null, ACK_FAILED);
        handOver(translators.modal().translate(event), event.getHook(), Senders.languageHint(event.getUserLocale()));
    }

    @Override
    public void onSessionDisconnect(SessionDisconnectEvent event) {
        session.disconnected();
    }

    @Override
    public void onSessionResume(SessionResumeEvent event) {
        session.resumed();
    }

    @Override
    public void onSessionRecreate(SessionRecreateEvent event) {
        session.recreated(event.getJDA().getShardInfo().getShardString());
    }

    private void hookFailed(Throwable failure) {
        log.warn("Discord interaction follow-up failed: {}", failure.toString());
    }

    /** Gives the event to the engine, then removes the "thinking" placeholder, or turns it into an apology. */
    private void handOver(Optional<InboundEvent> inbound, InteractionHook hook, String language) {
        if (inbound.isEmpty()) {
            hook.deleteOriginal().queue(null, this::hookFailed);
            return;
        }
        intake.hand(inbound.get(), receipt -> {
            if (receipt.isPresent()) {
                hook.deleteOriginal().queue(null, this::hookFailed);
            } else {
                hook.editOriginal(texts.get(language, "error.try_again")).queue(null, this::hookFailed);
            }
        });
    }
}
