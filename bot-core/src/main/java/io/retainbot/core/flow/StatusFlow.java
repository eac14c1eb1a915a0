package io.retainbot.core.flow;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Check my complaints": the customer's complaints with status and promise; for an open one, add
 * details or files, or withdraw it (and then we ask why, once, gently).
 */
public final class StatusFlow implements Flow {
    public static final String NAME = "status";
    static final String PICK = "status:pick:";
    static final String ADD = "status:add:";
    static final String WITHDRAW = "status:withdraw:";
    static final String WITHDRAW_YES = "status:withdraw-yes:";
    static final String KEEP = "status:keep";
    static final String DONE = "status:done";
    static final String SKIP_REASON = "status:no-reason";
    private static final int LISTED = 10;
    private static final String REF = FlowData.ABOUT;

    enum State {
        AWAITING_CHOICE,
        AWAITING_ACTION,
        AWAITING_DETAILS,
        AWAITING_WITHDRAW_CONFIRMATION,
        AWAITING_LEAVING_REASON
    }

    private final ComplaintWording wording;

    public StatusFlow(ComplaintWording wording) {
        this.wording = wording;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<State> states() {
        return State.class;
    }

    /** {@code /status} lists, {@code /status C-1042} shows one (aside while a complaint is being filed). */
    @Override
    public List<ChatCommand> commands() {
        return List.of(ChatCommand.of("status", Effect.ASIDE_WITH_ARGUMENT, this::byArgument));
    }

    @Override
    public List<GlobalButton> buttons() {
        return List.of(GlobalButton.exact(MainMenu.STATUS, Effect.STARTS_FLOW, this::start));
    }

    private Step byArgument(Turn turn, String argument) {
        if (argument.isBlank()) {
            return start(turn);
        }
        return ComplaintRef.parse(argument).map(ref -> show(turn, ref))
                .orElseGet(() -> Step.idle().say(MainMenu.with(turn.texts().get("status.bad_reference",
                        "text", argument.strip()), turn.texts())));
    }

    @Override
    public Step start(Turn turn) {
        Texts texts = turn.texts();
        List<Complaint> complaints = turn.complaints().ofCustomer(turn.customer().id(), LISTED);
        if (complaints.isEmpty()) {
            return Step.idle().say(MainMenu.with(texts.get("status.none"), texts));
        }
        StringBuilder list = new StringBuilder(texts.get("status.header", "count", complaints.size()));
        List<List<Button>> rows = new ArrayList<>();
        for (Complaint complaint : complaints) {
            list.append("\n").append(wording.line(turn, complaint));
            if (complaint.status().isActive()) {
                rows.add(List.of(new Button(texts.get("status.button.open", "ref", complaint.ref().toString()),
                        PICK + complaint.ref().number())));
            }
        }
        if (rows.isEmpty()) {
            return Step.idle().say(MainMenu.with(list.toString(), texts));
        }
        rows.add(List.of(new Button(texts.get("menu.home"), MainMenu.HOME)));
        return Step.to(NAME, State.AWAITING_CHOICE, FlowData.EMPTY)
                .say(new OutboundMessage.Text(list + "\n\n" + texts.get("status.choose"), rows));
    }

    /** Shows one complaint directly, as when the customer types its reference. */
    public Step show(Turn turn, ComplaintRef ref) {
        return ownComplaint(turn, ref)
                .map(complaint -> details(turn, complaint))
                .orElseGet(() -> Step.idle().say(MainMenu.with(turn.texts().get("status.not_found", "ref", ref.toString()),
                        turn.texts())));
    }

    @Override
    public Step next(Turn turn) {
        return switch (turn.state(State.class, State.AWAITING_CHOICE)) {
            case AWAITING_CHOICE -> onChoice(turn);
            case AWAITING_ACTION -> onAction(turn);
            case AWAITING_DETAILS -> onDetails(turn);
            case AWAITING_WITHDRAW_CONFIRMATION -> onWithdrawConfirmation(turn);
            case AWAITING_LEAVING_REASON -> onLeavingReason(turn);
        };
    }

    @Override
    public Step repeatQuestion(Turn turn) {
        Optional<Complaint> current = selected(turn);
        return switch (turn.state(State.class, State.AWAITING_CHOICE)) {
            case AWAITING_CHOICE -> start(turn);
            case AWAITING_ACTION -> current.map(complaint -> details(turn, complaint)).orElseGet(() -> start(turn));
            case AWAITING_DETAILS -> current.map(complaint -> askDetails(turn, complaint)).orElseGet(() -> start(turn));
            case AWAITING_WITHDRAW_CONFIRMATION -> current.map(complaint -> askWithdraw(turn, complaint))
                    .orElseGet(() -> start(turn));
            case AWAITING_LEAVING_REASON -> askLeavingReason(turn, turn.conversation().data());
        };
    }

    private Step onChoice(Turn turn) {
        Optional<ComplaintRef> ref = turn.button().filter(data -> data.startsWith(PICK))
                .flatMap(data -> ComplaintRef.parse("C-" + data.substring(PICK.length())))
                .or(() -> turn.text().flatMap(ComplaintRef::parse));
        return ref.map(value -> show(turn, value)).orElseGet(() -> start(turn));
    }

    private Step details(Turn turn, Complaint complaint) {
        Texts texts = turn.texts();
        String text = wording.details(turn, complaint);
        if (!complaint.status().isActive()) {
            return Step.idle().say(MainMenu.with(text, texts));
        }
        String number = String.valueOf(complaint.ref().number());
        List<List<Button>> rows = List.of(
                List.of(new Button(texts.get("status.button.add"), ADD + number),
                        new Button(texts.get("status.button.withdraw"), WITHDRAW + number)),
                List.of(new Button(texts.get("menu.home"), MainMenu.HOME)));
        return Step.to(NAME, State.AWAITING_ACTION, FlowData.EMPTY.with(REF, complaint.ref().toString()))
                .say(new OutboundMessage.Text(text, rows));
    }

    private Step onAction(Turn turn) {
        Optional<Complaint> complaint = selected(turn);
        if (complaint.isEmpty() || !complaint.get().status().isActive()) {
            return start(turn);
        }
        String number = String.valueOf(complaint.get().ref().number());
        if (turn.pressed(ADD + number)) {
            return askDetails(turn, complaint.get());
        }
        if (turn.pressed(WITHDRAW + number)) {
            return askWithdraw(turn, complaint.get());
        }
        if (turn.text().isPresent() || !turn.files().isEmpty()) {
            return onDetails(turn);
        }
        return details(turn, complaint.get());
    }

    private Step askDetails(Turn turn, Complaint complaint) {
        return Step.to(NAME, State.AWAITING_DETAILS, FlowData.EMPTY.with(REF, complaint.ref().toString()))
                .say(IntakeFlow.withButtons(turn.texts().get("status.details.ask", "ref", complaint.ref().toString()),
                        new Button(turn.texts().get("intake.button.done"), DONE)));
    }

    private Step onDetails(Turn turn) {
        Optional<Complaint> complaint = selected(turn).filter(found -> found.status().isActive());
        if (complaint.isEmpty()) {
            return start(turn);
        }
        if (turn.pressed(DONE)) {
            return Step.idle().say(MainMenu.with(turn.texts().get("status.details.done",
                    "ref", complaint.get().ref().toString()), turn.texts()));
        }
        String text = turn.text().orElse(turn.caption());
        if (text.isEmpty() && turn.files().isEmpty()) {
            return askDetails(turn, complaint.get());
        }
        return Step.to(NAME, State.AWAITING_DETAILS, turn.conversation().data())
                .then(new FlowCommand.AddComplaintDetails(complaint.get().ref(), IntakeFlow.bounded(text), turn.files()))
                .say(IntakeFlow.withButtons(turn.texts().get("status.details.added", "ref", complaint.get().ref().toString()),
                        new Button(turn.texts().get("intake.button.done"), DONE)));
    }

    private Step askWithdraw(Turn turn, Complaint complaint) {
        String ref = complaint.ref().toString();
        List<List<Button>> rows = List.of(List.of(
                new Button(turn.texts().get("status.button.withdraw_yes"), WITHDRAW_YES + complaint.ref().number()),
                new Button(turn.texts().get("status.button.keep"), KEEP)));
        return Step.to(NAME, State.AWAITING_WITHDRAW_CONFIRMATION, FlowData.EMPTY.with(REF, ref))
                .say(new OutboundMessage.Text(turn.texts().get("status.withdraw.ask", "ref", ref), rows));
    }

    private Step onWithdrawConfirmation(Turn turn) {
        Optional<Complaint> complaint = selected(turn).filter(found -> found.status().isActive());
        if (complaint.isEmpty()) {
            return start(turn);
        }
        if (turn.pressed(WITHDRAW_YES + complaint.get().ref().number())) {
            FlowData data = FlowData.EMPTY.with(REF, complaint.get().ref().toString());
            return askLeavingReason(turn, data).then(new FlowCommand.WithdrawComplaint(complaint.get().ref()));
        }
        if (turn.pressed(KEEP)) {
            return Step.idle().say(MainMenu.with(turn.texts().get("status.withdraw.kept",
                    "ref", complaint.get().ref().toString()), turn.texts()));
        }
        return askWithdraw(turn, complaint.get());
    }

    private Step askLeavingReason(Turn turn, FlowData data) {
        return Step.to(NAME, State.AWAITING_LEAVING_REASON, data)
                .say(IntakeFlow.withButtons(turn.texts().get("status.withdraw.why", "ref", data.getOrEmpty(REF)),
                        new Button(turn.texts().get("status.button.no_reason"), SKIP_REASON)));
    }

    private Step onLeavingReason(Turn turn) {
        Optional<ComplaintRef> ref = ComplaintRef.parse(turn.conversation().data().getOrEmpty(REF));
        Optional<String> reason = turn.text().filter(text -> !text.isEmpty());
        Step thanks = Step.idle().say(MainMenu.with(turn.texts().get(reason.isPresent()
                ? "status.withdraw.reason_thanks" : "status.withdraw.done"), turn.texts()));
        if (reason.isPresent() && ref.isPresent()) {
            return thanks.then(new FlowCommand.RecordLeavingReason(ref.get(), IntakeFlow.bounded(reason.get())));
        }
        if (turn.pressed(SKIP_REASON) || ref.isEmpty()) {
            return thanks;
        }
        return askLeavingReason(turn, turn.conversation().data());
    }

    private Optional<Complaint> selected(Turn turn) {
        return ComplaintRef.parse(turn.conversation().data().getOrEmpty(REF)).flatMap(ref -> ownComplaint(turn, ref));
    }

    /** Only the customer's own complaints: button data and typed references may be forged. */
    private static Optional<Complaint> ownComplaint(Turn turn, ComplaintRef ref) {
        return turn.complaints().find(ref).filter(complaint -> complaint.customerId() == turn.customer().id());
    }
}
