package io.retainbot.core.flow;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.ComplaintStatus;
import io.retainbot.core.customer.CheckIn;
import io.retainbot.core.i18n.Texts;
import java.util.List;
import java.util.Optional;

/**
 * Keeping in touch after the sale: some days after a purchase or a resolved complaint the bot asks
 * (it starts this itself) whether all is well, with three answers: All good, I have a problem, Not now.
 * The question leaves the chat free, and its buttons work in every state and at any later time: "All
 * good" and "Not now" are thanked aside; "I have a problem" goes straight into complaint intake (unless
 * the customer is in the middle of something they would lose), and the complaint filed there is kept on the
 * check-in. Each answer is kept on the check-in. The
 * button data names the check-in and may be forged: only the customer's own check-in, sent and not yet
 * answered, takes the answer.
 */
public final class CheckInFlow {
    /** The due event kind that starts a check-in ({@code PlanCheckIns.KIND}). */
    public static final String DUE_KIND = "check_in";
    static final String GOOD = "checkin:good:";
    static final String PROBLEM = "checkin:problem:";
    static final String LATER = "checkin:later:";
    private static final String COMPLAINT = "complaint";

    private final IntakeFlow intake;

    CheckInFlow(IntakeFlow intake) {
        this.intake = intake;
    }

    /** Asks, unless the check-in was sent or skipped already, or its complaint was reopened meanwhile. */
    Optional<Step> initiate(Turn turn, InboundEvent.Scheduled due) {
        Optional<CheckIn> checkIn = aboutId(due).flatMap(id -> turn.complaints()
                        .checkIn(due.data().getOrDefault("cadence", ""), id))
                .filter(found -> found.status() == CheckIn.Status.PLANNED && found.customerId() == turn.customer().id());
        if (checkIn.isEmpty() || (COMPLAINT.equals(checkIn.get().about()) && !stillResolved(turn, due))) {
            return Optional.empty();
        }
        Texts texts = turn.texts();
        String text = texts.get(due.data().getOrDefault("text", "checkin.general"),
                "company", turn.business().companyName(),
                "product", due.data().getOrDefault("product", ""),
                "ref", due.data().getOrDefault("ref", ""));
        long id = checkIn.get().id();
        OutboundMessage question = new OutboundMessage.Text(text, List.of(
                List.of(new Button(texts.get("checkin.button.good"), GOOD + id)),
                List.of(new Button(texts.get("checkin.button.problem"), PROBLEM + id)),
                List.of(new Button(texts.get("checkin.button.later"), LATER + id))));
        return Optional.of(Step.idle().say(question).then(new FlowCommand.NoteCheckInSent(id)));
    }

    List<GlobalButton> buttons() {
        return List.of(
                GlobalButton.prefixed(GOOD, Effect.ASIDE, (turn, argument) -> thanked(turn, argument,
                        CheckIn.Answer.ALL_GOOD, "checkin.good")),
                GlobalButton.prefixed(LATER, Effect.ASIDE, (turn, argument) -> thanked(turn, argument,
                        CheckIn.Answer.NOT_NOW, "checkin.later")),
                GlobalButton.prefixed(PROBLEM, Effect.STARTS_FLOW, this::problem));
    }

    private static Step thanked(Turn turn, String argument, CheckIn.Answer answer, String key) {
        Optional<Long> id = number(argument);
        if (id.isEmpty()) {
            return Step.idle().say(MainMenu.with(turn.texts().get("button.stale"), turn.texts()));
        }
        return Step.idle().say(MainMenu.with(turn.texts().get(key, "company", turn.business().companyName()),
                turn.texts())).then(new FlowCommand.RecordCheckInAnswer(id.get(), answer));
    }

    /** Straight into complaint intake; the answer is kept on the check-in, and the complaint it files too. */
    private Step problem(Turn turn, String argument) {
        return number(argument).map(id -> intake.startFromCheckIn(turn, id)
                        .then(new FlowCommand.RecordCheckInAnswer(id, CheckIn.Answer.PROBLEM)))
                .orElseGet(() -> intake.start(turn));
    }

    private static boolean stillResolved(Turn turn, InboundEvent.Scheduled due) {
        return ComplaintRef.parse(due.data().getOrDefault("ref", "")).flatMap(turn.complaints()::find)
                .filter(complaint -> complaint.status() == ComplaintStatus.RESOLVED).isPresent();
    }

    private static Optional<Long> aboutId(InboundEvent.Scheduled due) {
        return number(due.data().getOrDefault("aboutId", ""));
    }

    private static Optional<Long> number(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }
}
