package io.retainbot.core.flow;

import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.i18n.Texts;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides every turn: commands and main-menu buttons work in every state, a form files a complaint
 * in one step, a first contact is greeted, and everything else goes to the running flow. There is
 * no dead end: unexpected input gets a short answer and the main actions.
 */
public final class Dialogue {
    public static final String COMPLAINT_FORM = "complaint";

    private final StartFlow start = new StartFlow();
    private final IntakeFlow intake = new IntakeFlow();
    private final StatusFlow status;
    private final SuggestionFlow suggestion = new SuggestionFlow();
    private final LanguageFlow language;
    private final Map<String, Flow> flows;

    public Dialogue(Messages messages) {
        this.status = new StatusFlow(new ComplaintWording());
        this.language = new LanguageFlow(messages);
        this.flows = Stream.of(start, intake, status, suggestion, language)
                .collect(Collectors.toUnmodifiableMap(Flow::name, Function.identity()));
    }

    public Step decide(Turn turn) {
        InboundEvent event = turn.event();
        if (event instanceof InboundEvent.CommandReceived command) {
            return onCommand(turn, command.name(), command.argument());
        }
        if (event instanceof InboundEvent.FormSubmitted form) {
            return COMPLAINT_FORM.equals(form.formId()) ? intake.fromForm(turn, form) : unexpected(turn);
        }
        if (event instanceof InboundEvent.ButtonPressed pressed) {
            Optional<Step> global = onGlobalButton(turn, pressed.data());
            if (global.isPresent()) {
                return global.get();
            }
        }
        if (event instanceof InboundEvent.ConversationStarted || turn.customer().newCustomer()) {
            return start.start(turn);
        }
        Flow current = flows.get(turn.conversation().flow());
        if (current == null) {
            return onIdle(turn);
        }
        return current.next(turn);
    }

    private Step onCommand(Turn turn, String name, String argument) {
        return switch (name) {
            case "start" -> start.start(turn);
            case "help" -> help(turn);
            case "cancel" -> cancel(turn);
            case "complaint" -> intake.start(turn);
            case "status" -> argument.isBlank() ? status.start(turn)
                    : ComplaintRef.parse(argument).map(ref -> status.show(turn, ref)).orElseGet(() -> status.start(turn));
            case "language" -> argument.isBlank() ? language.start(turn) : language.choose(turn, argument);
            case "stop" -> stop(turn);
            case "suggest", "suggestion", "feedback" -> suggestion.start(turn);
            case "human", "agent", "person" -> handover(turn);
            case "menu" -> Step.idle().say(MainMenu.with(turn.texts().get("start.what_can_i_do"), turn.texts()));
            default -> stayWithNote(turn, turn.texts().get("command.unknown", "command", "/" + name));
        };
    }

    private Optional<Step> onGlobalButton(Turn turn, String data) {
        Step step = switch (data) {
            case MainMenu.COMPLAINT -> intake.start(turn);
            case MainMenu.STATUS -> status.start(turn);
            case MainMenu.SUGGEST -> suggestion.start(turn);
            case MainMenu.HUMAN -> handover(turn);
            case MainMenu.LANGUAGE -> language.start(turn);
            case MainMenu.HOME -> Step.idle().say(MainMenu.with(turn.texts().get("start.what_can_i_do"), turn.texts()));
            case StartFlow.CONSENT_YES -> start.consent(turn, true, flows.get(turn.conversation().flow()));
            case StartFlow.CONSENT_NO -> start.consent(turn, false, flows.get(turn.conversation().flow()));
            default -> null;
        };
        if (step == null && data.startsWith(LanguageFlow.PREFIX) && !turn.conversation().flow().equals(LanguageFlow.NAME)) {
            step = language.choose(turn, data.substring(LanguageFlow.PREFIX.length()));
        }
        return Optional.ofNullable(step);
    }

    private Step onIdle(Turn turn) {
        Texts texts = turn.texts();
        if (!turn.files().isEmpty()) {
            return intake.start(turn).sayFirst(texts.get("idle.file_starts_complaint"));
        }
        Optional<ComplaintRef> ref = turn.text().flatMap(ComplaintRef::parse);
        if (ref.isPresent()) {
            return status.show(turn, ref.get());
        }
        if (turn.button().isPresent()) {
            return Step.idle().say(MainMenu.with(texts.get("button.stale"), texts));
        }
        if (turn.conversation().handedOverAt() != null && turn.text().filter(text -> !text.isEmpty()).isPresent()) {
            return Step.idle().say(texts.get("handover.noted"));
        }
        String key = turn.text().filter(text -> !text.isEmpty()).isPresent() ? "idle.fallback" : "idle.empty";
        return Step.idle().say(MainMenu.with(texts.get(key, "company", turn.business().companyName()), texts));
    }

    private Step help(Turn turn) {
        String help = turn.texts().get("help.text");
        Flow current = flows.get(turn.conversation().flow());
        if (current == null) {
            return Step.idle().say(MainMenu.with(help, turn.texts()));
        }
        return current.repeatQuestion(turn).sayFirst(help + "\n\n" + turn.texts().get("help.continue"));
    }

    private Step cancel(Turn turn) {
        String key = turn.conversation().isIdle() ? "cancel.nothing" : "cancel.done";
        return Step.idle().say(MainMenu.with(turn.texts().get(key), turn.texts()));
    }

    private Step stop(Turn turn) {
        return stayWithNote(turn, turn.texts().get("stop.done"))
                .then(new FlowCommand.RecordConsent(false, turn.event().platform().code() + " /stop"));
    }

    private Step handover(Turn turn) {
        return Step.idle().then(new FlowCommand.RequestHandover())
                .say(turn.texts().get("handover.requested", "company", turn.business().companyName()));
    }

    private Step unexpected(Turn turn) {
        return stayWithNote(turn, turn.texts().get("idle.fallback", "company", turn.business().companyName()));
    }

    /** Says {@code note}, then repeats the running flow's question, or offers the main actions when idle. */
    private Step stayWithNote(Turn turn, String note) {
        Flow current = flows.get(turn.conversation().flow());
        if (current == null) {
            return Step.idle().say(MainMenu.with(note, turn.texts()));
        }
        return current.repeatQuestion(turn).sayFirst(note);
    }
}
