package io.retainbot.core.flow;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.customer.Birthday;
import io.retainbot.core.i18n.Texts;
import java.util.List;
import java.util.Optional;

/**
 * The bot asks, once and politely, a customer who receives greetings but whose birthday the file
 * lacks, whether they would like a birthday greeting and on which day (it starts this conversation
 * itself, at a calm moment). The answer is optional: "No, thanks" ends it, and so does any other flow
 * the customer starts. A day it cannot read gets an example of what works.
 */
public final class BirthdayFlow implements Flow {
    public static final String NAME = "birthday";
    /** The due event kind that starts this flow. */
    public static final String DUE_KIND = "birthday_ask";
    static final String SKIP = "birthday:skip";

    enum State {
        AWAITING_BIRTHDAY
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
    public List<GlobalButton> buttons() {
        return List.of(GlobalButton.exact(SKIP, Effect.ASIDE,
                turn -> Step.idle().say(MainMenu.with(turn.texts().get("birthday.skipped"), turn.texts()))));
    }

    /** Asks, unless the birthday is known by now or the customer no longer wants greetings. */
    Optional<Step> initiate(Turn turn, InboundEvent.Scheduled due) {
        if (turn.customer().birthdayKnown() || !turn.customer().consentGranted()) {
            return Optional.empty();
        }
        return Optional.of(ask(turn).then(new FlowCommand.NoteBirthdayAsked()));
    }

    @Override
    public Step start(Turn turn) {
        return ask(turn);
    }

    @Override
    public Step next(Turn turn) {
        Optional<String> typed = turn.text().filter(text -> !text.isBlank());
        if (typed.isEmpty()) {
            return ask(turn);
        }
        Optional<Birthday> birthday = BirthdayReader.read(typed.get());
        if (birthday.isEmpty()) {
            return ask(turn).sayFirst(turn.texts().get("birthday.expected", "text", typed.get()));
        }
        String day = turn.texts().get("birthday.day", "month", String.valueOf(birthday.get().month()),
                "day", String.valueOf(birthday.get().day()));
        return Step.idle().then(new FlowCommand.SetBirthday(birthday.get()))
                .say(MainMenu.with(turn.texts().get("birthday.thanks", "day", day,
                        "company", turn.business().companyName()), turn.texts()));
    }

    @Override
    public Step repeatQuestion(Turn turn) {
        return ask(turn);
    }

    private static Step ask(Turn turn) {
        Texts texts = turn.texts();
        return Step.to(NAME, State.AWAITING_BIRTHDAY, FlowData.EMPTY).say(new OutboundMessage.Text(
                texts.get("birthday.ask", "company", turn.business().companyName()),
                List.of(List.of(new Button(texts.get("birthday.button.skip"), SKIP)))));
    }
}
