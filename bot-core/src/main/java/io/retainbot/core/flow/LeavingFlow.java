package io.retainbot.core.flow;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.customer.ExitReason;
import io.retainbot.core.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Leaving greetings and offers, and the replies under them. {@code /stop} and the "Stop these
 * messages" button under a marketing message end them at once; a customer who had them is then asked,
 * once and optionally, why (buttons with the common reasons, their own words, or skip). A customer in
 * the middle of something else is not asked (the running flow carries on). "Thanks!" under a message
 * is answered kindly.
 */
public final class LeavingFlow implements Flow {
    public static final String NAME = "leaving";
    /** The data of the buttons templates put under marketing messages. */
    public static final String STOP_BUTTON = "outreach:stop";
    public static final String THANKS_BUTTON = "outreach:thanks";
    static final String REASON_PREFIX = "leave:";
    static final String SKIP = "skip";
    /** Where an opt-out came from, after the platform's name ({@code telegram /stop}). */
    static final String COMMAND_SOURCE = "/stop";
    static final String BUTTON_SOURCE = "stop button";
    private static final List<ExitReason> OFFERED = List.of(ExitReason.TOO_MANY, ExitReason.NOT_RELEVANT,
            ExitReason.NO_LONGER_CUSTOMER, ExitReason.PRIVACY);

    enum State {
        AWAITING_REASON
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
        return List.of(ChatCommand.of("stop", Effect.ASIDE, (turn, argument) -> stop(turn, COMMAND_SOURCE)));
    }

    @Override
    public List<GlobalButton> buttons() {
        return List.of(
                GlobalButton.exact(STOP_BUTTON, Effect.ASIDE, turn -> stop(turn, BUTTON_SOURCE)),
                GlobalButton.exact(THANKS_BUTTON, Effect.ASIDE,
                        turn -> Step.idle().say(MainMenu.with(turn.texts().get("outreach.thanks_reply",
                                "company", turn.business().companyName()), turn.texts()))),
                GlobalButton.prefixed(REASON_PREFIX, Effect.ASIDE, this::reasonPressed));
    }

    /** Whether a consent source says the customer stopped greetings themselves (so /start brings them back). */
    static boolean stoppedByCustomer(String consentSource) {
        return consentSource.endsWith(COMMAND_SOURCE) || consentSource.endsWith(BUTTON_SOURCE);
    }

    @Override
    public Step start(Turn turn) {
        return ask(turn);
    }

    /** Their own words are the reason; anything else gets the question again. */
    @Override
    public Step next(Turn turn) {
        Optional<String> words = turn.text().map(String::strip).filter(text -> !text.isEmpty());
        if (words.isEmpty()) {
            return ask(turn);
        }
        return thanked(turn, ExitReason.OTHER, words.get());
    }

    @Override
    public Step repeatQuestion(Turn turn) {
        return ask(turn);
    }

    private Step stop(Turn turn, String source) {
        Texts texts = turn.texts();
        List<Button> resume = List.of(new Button(texts.get("stop.button.resume"), StartFlow.CONSENT_YES));
        FlowCommand optOut = new FlowCommand.OptOut(turn.event().platform().code() + " " + source);
        boolean leaving = turn.customer().consentGranted();
        boolean calm = turn.conversation().isIdle() || NAME.equals(turn.conversation().flow());
        if (!leaving || !calm) {
            List<List<Button>> rows = new ArrayList<>();
            rows.add(resume);
            rows.addAll(MainMenu.buttons(texts));
            return Step.idle().then(optOut).say(new OutboundMessage.Text(texts.get("stop.done"), rows));
        }
        List<List<Button>> rows = reasons(texts);
        rows.add(resume);
        String text = texts.get("stop.done") + "\n\n" + texts.get("leaving.ask", "company", turn.business().companyName());
        return Step.to(NAME, State.AWAITING_REASON, FlowData.EMPTY).then(optOut)
                .say(new OutboundMessage.Text(text, rows));
    }

    private Step ask(Turn turn) {
        Texts texts = turn.texts();
        return Step.to(NAME, State.AWAITING_REASON, FlowData.EMPTY).say(new OutboundMessage.Text(
                texts.get("leaving.ask", "company", turn.business().companyName()), reasons(texts)));
    }

    /** The common reasons, one a row, and skip. */
    private static List<List<Button>> reasons(Texts texts) {
        List<List<Button>> rows = new ArrayList<>();
        for (ExitReason reason : OFFERED) {
            rows.add(List.of(new Button(texts.get("leaving.reason." + reason.code()), REASON_PREFIX + reason.code())));
        }
        rows.add(List.of(new Button(texts.get("leaving.skip"), REASON_PREFIX + SKIP)));
        return rows;
    }

    /** A reason button: button data may be forged, so only the offered reasons count. */
    private Step reasonPressed(Turn turn, String code) {
        Texts texts = turn.texts();
        if (SKIP.equals(code)) {
            return Step.idle().say(MainMenu.with(texts.get("leaving.skipped"), texts));
        }
        Optional<ExitReason> reason = ExitReason.fromCode(code).filter(OFFERED::contains);
        if (reason.isEmpty()) {
            return NAME.equals(turn.conversation().flow()) ? ask(turn)
                    : Step.idle().say(MainMenu.with(texts.get("button.stale"), texts));
        }
        return thanked(turn, reason.get(), "");
    }

    private static Step thanked(Turn turn, ExitReason reason, String words) {
        return Step.idle().then(new FlowCommand.RecordExitReason(reason, words))
                .say(MainMenu.with(turn.texts().get("leaving.thanks"), turn.texts()));
    }
}
