package io.retainbot.core.flow;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.i18n.Texts;
import java.util.List;

/**
 * The greeting and the question about greetings and offers: asked once (explicit yes or no; no
 * answer means no), answered with its buttons from any state. {@code /start} after a stop (see
 * {@link LeavingFlow}) and the button under its answer both bring them back.
 */
public final class StartFlow implements Flow {
    public static final String NAME = "start";
    public static final String CONSENT_YES = "consent:yes";
    public static final String CONSENT_NO = "consent:no";

    /** Kept so conversations saved while the question still had a state of its own read as idle. */
    enum State {
        AWAITING_CONSENT
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<State> states() {
        return State.class;
    }

    @Override
    public List<ChatCommand> commands() {
        return List.of(ChatCommand.of("start", Effect.STARTS_FLOW, (turn, argument) -> start(turn)));
    }

    @Override
    public List<GlobalButton> buttons() {
        return List.of(
                GlobalButton.exact(CONSENT_YES, Effect.ASIDE, turn -> consent(turn, true)),
                GlobalButton.exact(CONSENT_NO, Effect.ASIDE, turn -> consent(turn, false)));
    }

    /** The greeting, then the question about greetings if it was never put here, else the main actions. */
    @Override
    public Step start(Turn turn) {
        Texts texts = turn.texts();
        if (stoppedByCommand(turn)) {
            return Step.idle().then(new FlowCommand.RecordConsent(true, turn.event().platform().code() + " /start"))
                    .say(MainMenu.with(texts.get("start.consent.resumed") + "\n\n" + texts.get("start.what_can_i_do"), texts));
        }
        if (!turn.customer().consentAnswered() && turn.conversation().consentAskedAt() == null) {
            return Step.idle().say(greeting(turn)).then(new FlowCommand.AskConsent(consentQuestion(turn)));
        }
        return Step.idle().say(MainMenu.with(greeting(turn) + "\n\n" + texts.get("start.what_can_i_do"), texts));
    }

    @Override
    public Step next(Turn turn) {
        return start(turn);
    }

    @Override
    public Step repeatQuestion(Turn turn) {
        return start(turn);
    }

    /** "Hello, Mina, and welcome to ..." for a new customer, "Welcome back" for a known one. */
    String greeting(Turn turn) {
        return turn.texts().get(turn.customer().newCustomer() ? "start.greeting.new" : "start.greeting.returning",
                "hasName", turn.customer().name().isBlank() ? "no" : "yes", "name", turn.customer().name(),
                "company", turn.business().companyName());
    }

    /** The question with its two answers. */
    OutboundMessage consentQuestion(Turn turn) {
        Texts texts = turn.texts();
        List<List<Button>> buttons = List.of(List.of(
                new Button(texts.get("start.consent.button.yes"), CONSENT_YES),
                new Button(texts.get("start.consent.button.no"), CONSENT_NO)));
        return new OutboundMessage.Text(texts.get("start.consent.ask", "company", turn.business().companyName()), buttons);
    }

    /** The answer to the question (or the button under /stop's answer): recorded and thanked for. */
    private Step consent(Turn turn, boolean granted) {
        Texts texts = turn.texts();
        String thanks = texts.get(granted ? "start.consent.yes" : "start.consent.no");
        return Step.idle().then(new FlowCommand.RecordConsent(granted, turn.event().platform().code() + " button"))
                .say(MainMenu.with(thanks + "\n\n" + texts.get("start.what_can_i_do"), texts));
    }

    private static boolean stoppedByCommand(Turn turn) {
        return turn.customer().consentAnswered() && !turn.customer().consentGranted()
                && LeavingFlow.stoppedByCustomer(turn.customer().consentSource());
    }
}
