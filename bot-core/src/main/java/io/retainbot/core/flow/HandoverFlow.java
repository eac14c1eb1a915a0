package io.retainbot.core.flow;

import io.retainbot.core.business.OpeningCalendar;
import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.i18n.DateWording;
import io.retainbot.core.i18n.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Asking for a person: the request is recorded and the customer told honestly who answers and
 * when (now, within opening hours, or from the next opening). Meanwhile the menu keeps working,
 * what they write is kept for the colleague, and the request can be cancelled.
 */
public final class HandoverFlow implements Flow {
    public static final String NAME = "handover";
    static final String CANCEL = "handover:cancel";
    /** An answer within the hour is only promised when the business stays open at least this long. */
    private static final Duration OPEN_LONG_ENOUGH = Duration.ofMinutes(30);
    private static final String NOTED = "noted";

    enum State {
        WAITING_FOR_PERSON
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
        return List.of(ChatCommand.of("human", Effect.ASIDE, (turn, argument) -> start(turn)).alias("agent", "person"));
    }

    @Override
    public List<GlobalButton> buttons() {
        return List.of(
                GlobalButton.exact(MainMenu.HUMAN, Effect.ASIDE, this::start),
                GlobalButton.exact(CANCEL, Effect.ASIDE, this::cancel));
    }

    @Override
    public Step start(Turn turn) {
        Texts texts = turn.texts();
        if (turn.conversation().handedOverAt() != null) {
            return waiting(turn, FlowData.EMPTY, texts.get("handover.already", "when", when(turn)));
        }
        return waiting(turn, FlowData.EMPTY, texts.get("handover.requested", "company", turn.business().companyName(),
                "when", when(turn))).then(new FlowCommand.RequestHandover());
    }

    @Override
    public Step next(Turn turn) {
        if (turn.conversation().handedOverAt() == null) {
            return Step.idle().say(MainMenu.with(turn.texts().get("handover.none"), turn.texts()));
        }
        if (turn.text().filter(text -> !text.isEmpty()).isPresent() || !turn.files().isEmpty()) {
            return follow(turn);
        }
        return repeatQuestion(turn);
    }

    @Override
    public Step repeatQuestion(Turn turn) {
        if (turn.conversation().handedOverAt() == null) {
            return Step.idle().say(MainMenu.with(turn.texts().get("start.what_can_i_do"), turn.texts()));
        }
        return waiting(turn, turn.conversation().data(), turn.texts().get("handover.already", "when", when(turn)));
    }

    /** The customer wrote while waiting for a person: kept for the colleague, said so once, then briefly. */
    Step follow(Turn turn) {
        FlowData data = turn.conversation().data();
        boolean first = !NAME.equals(turn.conversation().flow()) || data.get(NOTED).isEmpty();
        String text = first ? turn.texts().get("handover.noted", "when", when(turn)) : turn.texts().get("handover.noted_again");
        return waiting(turn, data.with(NOTED, "yes"), text);
    }

    /** The request is withdrawn: the conversation is the bot's again. */
    Step cancel(Turn turn) {
        if (turn.conversation().handedOverAt() == null) {
            return Step.idle().say(MainMenu.with(turn.texts().get("handover.none"), turn.texts()));
        }
        return Step.idle().then(new FlowCommand.CancelHandover())
                .say(MainMenu.with(turn.texts().get("handover.cancelled"), turn.texts()));
    }

    private static Step waiting(Turn turn, FlowData data, String text) {
        Texts texts = turn.texts();
        List<List<Button>> rows = new ArrayList<>();
        rows.add(List.of(new Button(texts.get("handover.button.cancel"), CANCEL),
                new Button(texts.get("menu.home"), MainMenu.HOME)));
        return Step.to(NAME, State.WAITING_FOR_PERSON, data).say(new OutboundMessage.Text(text, rows));
    }

    /** "usually within the hour" while open, else "from tomorrow 09:00", in the customer's time zone. */
    private static String when(Turn turn) {
        OpeningCalendar calendar = OpeningCalendar.of(turn.business());
        ZoneId zone = turn.business().zone();
        Instant now = turn.now();
        Instant openFrom = calendar.credibleFrom(now.atZone(zone), Duration.ZERO).toInstant();
        if (openFrom.equals(now)) {
            Instant later = now.plus(OPEN_LONG_ENOUGH);
            openFrom = calendar.credibleFrom(later.atZone(zone), Duration.ZERO).toInstant();
            if (openFrom.equals(later)) {
                return turn.texts().get("handover.when.open");
            }
        }
        Instant openAgain = openFrom;
        return turn.texts().get("handover.when.closed", "opening", opening(turn.texts(), openAgain, now, turn.customer().zone()));
    }

    private static String opening(Texts texts, Instant at, Instant now, ZoneId zone) {
        String language = texts.language();
        String time = DateWording.time(at, zone, language);
        long days = ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), at.atZone(zone).toLocalDate());
        if (days <= 0) {
            return texts.get("opening.today", "time", time);
        }
        if (days == 1) {
            return texts.get("opening.tomorrow", "time", time);
        }
        if (days < 7) {
            return texts.get("opening.weekday", "weekday", DateWording.weekday(at, zone, language), "time", time);
        }
        return texts.get("opening.date", "date", DateWording.date(at, zone, language), "time", time);
    }
}
