package io.retainbot.core.flow;

import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.ComplaintStatus;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.i18n.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides every turn. The flows declare their commands and global buttons; here they are looked
 * up by name, and their {@link Effect} on the running flow is applied: a command that would start
 * another flow waits while the running one holds unsaved input, an aside answers and the running
 * flow asks its question again. A first contact is greeted and still gets what it asked for; the
 * question about greetings and offers comes once, when no flow is waiting for an answer. There is
 * no dead end: unknown commands get the list of those that work, other input a short answer and
 * the main actions.
 */
public final class Dialogue {
    public static final String COMPLAINT_FORM = "complaint";

    private final StartFlow start;
    private final IntakeFlow intake = new IntakeFlow();
    private final StatusFlow status;
    private final HandoverFlow handover = new HandoverFlow();
    private final SurveyFlow survey = new SurveyFlow();
    private final BirthdayFlow birthday = new BirthdayFlow();
    private final DelayNotice delayNotice = new DelayNotice();
    private final CheckInFlow checkIn = new CheckInFlow(intake);
    private final ReviewFlow review = new ReviewFlow();
    /** The due event kind of the customer's "still on it" message ({@code WatchPromise.STILL_ON_IT}). */
    public static final String DELAY_NOTICE_KIND = "still_on_it";
    private final List<Flow> flows;
    private final Map<String, Flow> flowsByName;
    private final Map<String, ChatCommand> commands;
    private final List<GlobalButton> buttons;
    private final Map<Object, Flow> owners = new java.util.IdentityHashMap<>();

    public Dialogue(Messages messages) {
        this.status = new StatusFlow(new ComplaintWording());
        this.start = new StartFlow();
        this.flows = List.of(intake, status, new SuggestionFlow(), handover, new LanguageFlow(messages), survey, birthday,
                new MyDataFlow(), start, new LeavingFlow(), review);
        this.flowsByName = flows.stream().collect(Collectors.toUnmodifiableMap(Flow::name, flow -> flow));
        List<ChatCommand> declared = new ArrayList<>();
        for (Flow flow : flows) {
            List<ChatCommand> own = flow.commands();
            own.forEach(command -> owners.put(command, flow));
            declared.addAll(own);
        }
        declared.add(ChatCommand.of("menu", Effect.STARTS_FLOW, this::menu));
        declared.add(ChatCommand.of("help", Effect.OWN, (turn, argument) -> help(turn)));
        declared.add(ChatCommand.of("cancel", Effect.OWN, (turn, argument) -> cancel(turn)));
        this.commands = byName(declared);
        List<GlobalButton> global = new ArrayList<>();
        for (Flow flow : flows) {
            List<GlobalButton> own = flow.buttons();
            own.forEach(button -> owners.put(button, flow));
            global.addAll(own);
        }
        global.addAll(new KnownIssueAnswer().buttons());
        global.addAll(checkIn.buttons());
        global.add(GlobalButton.exact(MainMenu.HOME, Effect.STARTS_FLOW, turn -> menu(turn, "")));
        this.buttons = List.copyOf(global);
    }

    /** The commands customers can send, by their names as listed, in the order offered. */
    public List<String> commandNames() {
        return commands.values().stream().distinct().map(ChatCommand::name).toList();
    }

    public Step decide(Turn turn) {
        Step step = route(turn);
        if (turn.customer().newCustomer() && !step.has(FlowCommand.AskConsent.class)
                && !(turn.event() instanceof InboundEvent.ConversationStarted)) {
            step = step.sayFirst(start.greeting(turn));
        }
        return askConsentWhenCalm(turn, step);
    }

    private Step route(Turn turn) {
        InboundEvent event = turn.event();
        if (event instanceof InboundEvent.ConversationStarted) {
            return start.start(turn);
        }
        if (event instanceof InboundEvent.CommandReceived command) {
            return onCommand(turn, command.name(), command.argument());
        }
        if (event instanceof InboundEvent.FormSubmitted form) {
            if (!COMPLAINT_FORM.equals(form.formId())) {
                return stayWithNote(turn, turn.texts().get("idle.fallback", "company", turn.business().companyName()));
            }
            return apply(turn, Effect.STARTS_FLOW, null, () -> intake.fromForm(turn, form));
        }
        if (event instanceof InboundEvent.ButtonPressed pressed) {
            Optional<Step> global = onGlobalButton(turn, pressed.data());
            if (global.isPresent()) {
                return global.get();
            }
        }
        Flow current = running(turn);
        return current == null ? onIdle(turn) : current.next(turn);
    }

    /**
     * The bot starts a conversation because something fell due ({@link InboundEvent.Scheduled}); empty
     * when there is no flow for it or it no longer applies (the complaint was reopened).
     */
    public Optional<Step> initiate(Turn turn) {
        if (turn.event() instanceof InboundEvent.Scheduled due && (SurveyFlow.DUE_KIND.equals(due.dueKind())
                || SurveyFlow.REMINDER_KIND.equals(due.dueKind()))) {
            return survey.initiate(turn, due);
        }
        if (turn.event() instanceof InboundEvent.Scheduled due && DELAY_NOTICE_KIND.equals(due.dueKind())) {
            return delayNotice.initiate(turn, due);
        }
        if (turn.event() instanceof InboundEvent.Scheduled due && BirthdayFlow.DUE_KIND.equals(due.dueKind())) {
            return birthday.initiate(turn, due);
        }
        if (turn.event() instanceof InboundEvent.Scheduled due && CheckInFlow.DUE_KIND.equals(due.dueKind())) {
            return checkIn.initiate(turn, due);
        }
        if (turn.event() instanceof InboundEvent.Scheduled due && ReviewFlow.DUE_KIND.equals(due.dueKind())) {
            return review.initiate(turn, due);
        }
        return Optional.empty();
    }

    /**
     * Whether a due event of this kind may be started although the chat is in {@code flow}: the survey's
     * reminder, while the chat still waits for the survey's unanswered question.
     */
    public boolean continues(String flow, String dueKind) {
        return SurveyFlow.REMINDER_KIND.equals(dueKind) && SurveyFlow.NAME.equals(flow);
    }

    /**
     * Whether a due event of this kind keeps the customer's quiet hours and the frequency cap (a check-in,
     * a review questionnaire: service, but not asked for at that moment).
     */
    public boolean paced(String dueKind) {
        return CheckInFlow.DUE_KIND.equals(dueKind) || ReviewFlow.DUE_KIND.equals(dueKind);
    }

    private Step onCommand(Turn turn, String name, String argument) {
        ChatCommand command = commands.get(name);
        if (command == null) {
            String known = commandNames().stream().map(each -> "/" + each).collect(Collectors.joining(", "));
            return stayWithNote(turn, turn.texts().get("command.unknown", "command", "/" + name, "commands", known));
        }
        return apply(turn, command.effect().given(argument), owners.get(command),
                () -> command.action().apply(turn, argument));
    }

    private Optional<Step> onGlobalButton(Turn turn, String data) {
        for (GlobalButton button : buttons) {
            String argument = button.argumentFor(data);
            if (argument != null) {
                return Optional.of(apply(turn, button.effect().given(argument), owners.get(button),
                        () -> button.action().apply(turn, argument)));
            }
        }
        return Optional.empty();
    }

    /** Runs an action of {@code owner} (null: the dialogue's own) with its effect on the running flow. */
    private Step apply(Turn turn, Effect effect, Flow owner, java.util.function.Supplier<Step> action) {
        Flow current = running(turn);
        if (current == null || effect == Effect.OWN || (effect == Effect.ASIDE && owner == current)) {
            return action.get();
        }
        if (effect == Effect.ASIDE) {
            return aside(turn, current, action.get());
        }
        if (current.holdsUnsavedInput(turn)) {
            return current.repeatQuestion(turn).sayFirst(turn.texts().get("flow.busy." + current.name()));
        }
        return action.get();
    }

    /** The aside's replies (without their buttons, which belong to no question now), then the running flow again. */
    private Step aside(Turn turn, Flow current, Step answer) {
        Turn after = answer.commands().stream()
                .filter(FlowCommand.SetLanguage.class::isInstance)
                .map(command -> turn.inLanguage(((FlowCommand.SetLanguage) command).language()))
                .reduce((first, second) -> second)
                .orElse(turn);
        List<OutboundMessage> said = answer.replies().stream()
                .map(reply -> (OutboundMessage) OutboundMessage.Text.of(reply.text()))
                .toList();
        return current.repeatQuestion(after).sayFirst(said).then(answer.commands());
    }

    private Step onIdle(Turn turn) {
        Texts texts = turn.texts();
        if (!turn.files().isEmpty()) {
            Optional<Complaint> withPerson = handledByPerson(turn);
            if (withPerson.isPresent()) {
                ComplaintRef about = withPerson.get().ref();
                return Step.idle().say(texts.get("care.relayed", "ref", about.toString()))
                        .then(new FlowCommand.RelayToStaff(about, turn.caption(), turn.files()))
                        .then(new FlowCommand.AddComplaintDetails(about, "", turn.files()));
            }
            return intake.start(turn).sayFirst(texts.get("idle.file_starts_complaint"));
        }
        Optional<String> text = turn.text().filter(typed -> !typed.isEmpty());
        Optional<ComplaintRef> ref = text.flatMap(ComplaintRef::parse);
        if (ref.isPresent()) {
            return status.show(turn, ref.get());
        }
        if (text.filter(ComplaintRef::looksLikeOne).isPresent()) {
            return Step.idle().say(MainMenu.with(texts.get("status.bad_reference", "text", text.get()), texts));
        }
        if (turn.button().isPresent()) {
            return Step.idle().say(MainMenu.with(texts.get("button.stale"), texts));
        }
        if (turn.conversation().handedOverAt() != null && text.isPresent()) {
            return handover.follow(turn);
        }
        if (text.isEmpty()) {
            return Step.idle().say(MainMenu.with(texts.get("idle.empty"), texts));
        }
        Optional<Complaint> withPerson = handledByPerson(turn);
        if (withPerson.isPresent()) {
            ComplaintRef about = withPerson.get().ref();
            return Step.idle().say(texts.get("care.relayed", "ref", about.toString()))
                    .then(new FlowCommand.RelayToStaff(about, text.get(), List.of()));
        }
        if (turn.customer().newCustomer()) {
            return Step.idle().say(MainMenu.with(texts.get("start.what_can_i_do"), texts));
        }
        return Step.idle().say(MainMenu.with(texts.get("idle.fallback", "company", turn.business().companyName()), texts));
    }

    /**
     * The customer's newest complaint a staff member is handling, if any: what they write while nothing
     * else is going on is for that person.
     */
    private static Optional<Complaint> handledByPerson(Turn turn) {
        return turn.complaints().ofCustomer(turn.customer().id(), 5).stream()
                .filter(complaint -> complaint.status() == ComplaintStatus.IN_PROGRESS
                        && complaint.assigneeStaffId() != null)
                .findFirst();
    }

    /** When the turn leaves nothing waiting for an answer, the question about greetings, once. */
    private Step askConsentWhenCalm(Turn turn, Step step) {
        boolean asked = turn.conversation().consentAskedAt() != null || step.has(FlowCommand.AskConsent.class);
        if (!step.isIdle() || asked || turn.customer().consentAnswered() || step.has(FlowCommand.RecordConsent.class)
                || step.has(FlowCommand.OptOut.class)) {
            return step;
        }
        return step.then(new FlowCommand.AskConsent(start.consentQuestion(turn)));
    }

    private Step menu(Turn turn, String argument) {
        return Step.idle().say(MainMenu.with(turn.texts().get("start.what_can_i_do"), turn.texts()));
    }

    private Step help(Turn turn) {
        String help = turn.texts().get("help.text");
        Flow current = running(turn);
        if (current == null) {
            return Step.idle().say(MainMenu.with(help, turn.texts()));
        }
        return current.repeatQuestion(turn).sayFirst(help + "\n\n" + turn.texts().get("help.continue"));
    }

    private Step cancel(Turn turn) {
        if (running(turn) == handover) {
            return handover.cancel(turn);
        }
        String key = running(turn) == null ? "cancel.nothing" : (running(turn) == intake ? "cancel.done" : "cancel.stopped");
        return Step.idle().say(MainMenu.with(turn.texts().get(key), turn.texts()));
    }

    /** Says {@code note}, then repeats the running flow's question, or offers the main actions when idle. */
    private Step stayWithNote(Turn turn, String note) {
        Flow current = running(turn);
        if (current == null) {
            return Step.idle().say(MainMenu.with(note, turn.texts()));
        }
        return current.repeatQuestion(turn).sayFirst(note);
    }

    /** The flow waiting for the customer's answer; null when idle (the start flow never waits any more). */
    private Flow running(Turn turn) {
        Flow current = flowsByName.get(turn.conversation().flow());
        return current == start ? null : current;
    }

    private static Map<String, ChatCommand> byName(List<ChatCommand> declared) {
        Map<String, ChatCommand> byName = new LinkedHashMap<>();
        for (ChatCommand command : declared) {
            for (String name : command.names()) {
                if (byName.putIfAbsent(name, command) != null) {
                    throw new IllegalStateException("two flows declare the command /" + name);
                }
            }
        }
        return java.util.Collections.unmodifiableMap(byName);
    }
}
