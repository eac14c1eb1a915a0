package io.retainbot.core.flow;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.i18n.Texts;
import java.util.List;

/**
 * The first contact: a greeting by name in the customer's language, the one question about
 * greetings and offers (explicit yes or no; no answer means no), then the main actions.
 */
public final class StartFlow implements Flow {
    public static final String NAME = "start";
    public static final String CONSENT_YES = "consent:yes";
    public static final String CONSENT_NO = "consent:no";

    enum State {
        AWAITING_CONSENT
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Step start(Turn turn) {
        Texts texts = turn.texts();
        String greeting = texts.get(turn.customer().newCustomer() ? "start.greeting.new" : "start.greeting.returning",
                "hasName", turn.customer().name().isBlank() ? "no" : "yes", "name", turn.customer().name(),
                "company", turn.business().companyName());
        if (!turn.customer().consentAnswered()) {
            return askConsent(turn).sayFirst(greeting);
        }
        return Step.idle().say(MainMenu.with(greeting + "\n\n" + texts.get("start.what_can_i_do"), texts));
    }

    @Override
    public Step next(Turn turn) {
        return askConsent(turn).sayFirst(turn.texts().get("start.consent.expected"));
    }

    @Override
    public Step repeatQuestion(Turn turn) {
        return askConsent(turn);
    }

    /** The answer to the consent question, from any state: recorded, thanked for, and on we go. */
    public Step consent(Turn turn, boolean granted, Flow current) {
        Texts texts = turn.texts();
        String thanks = texts.get(granted ? "start.consent.yes" : "start.consent.no");
        FlowCommand record = new FlowCommand.RecordConsent(granted, turn.event().platform().code() + " button");
        if (current == null || current == this) {
            return Step.idle().then(record).say(MainMenu.with(thanks + "\n\n" + texts.get("start.what_can_i_do"), texts));
        }
        return current.repeatQuestion(turn).sayFirst(thanks).then(record);
    }

    private Step askConsent(Turn turn) {
        Texts texts = turn.texts();
        List<List<Button>> buttons = List.of(List.of(
                new Button(texts.get("start.consent.button.yes"), CONSENT_YES),
                new Button(texts.get("start.consent.button.no"), CONSENT_NO)));
        return Step.to(NAME, State.AWAITING_CONSENT, FlowData.EMPTY)
                .say(new OutboundMessage.Text(texts.get("start.consent.ask", "company", turn.business().companyName()),
                        buttons));
    }
}
