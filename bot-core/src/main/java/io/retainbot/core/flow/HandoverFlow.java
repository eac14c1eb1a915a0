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
 * what they write is passed to the staff chats for the colleague, and the request can be cancelled.
 * Once a staff member took it, the customer talks {@link #WITH_PERSON} through the bot, both ways,
 * until the person hands back or the customer goes back to the bot ({@link #BACK} or {@code /cancel}).
 * Meanwhile the bot stays quiet, and what the customer was shown before (the waiting message's "Cancel
 * request", "Main menu", the menu's buttons) only reminds them who they are talking with, with the way back:
 * a stale button does not end a person's conversation nor start something behind their back.
 */
public final class HandoverFlow implements Flow {
    public static final String NAME = "handover";
    /** The state of a conversation a staff member took: the customer talks with that person through the bot. */
    public static final String WITH_PERSON = State.WITH_PERSON.name();
    /** The name of the person talking with the customer, kept while they do. */
    public static final String PERSON = "person";
    /** Withdraws a request nobody has taken yet (the waiting message's button). */
    public static final String CANCEL = "handover:cancel";
    /** Ends the conversation with a person: the bot answers again (the button under the person's first words). */
    public static final String BACK = "handover:back";
    /** An answer within the hour is only promised when the business stays open at least this long. */
    private static final Duration OPEN_LONG_ENOUGH = Duration.ofMinutes(30);
    private static final String NOTED = "noted";

    enum State {
        WAITING_FOR_PERSON,
        WITH_PERSON
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
                GlobalButton.exact(CANCEL, Effect.ASIDE, this::cancelPressed),
                GlobalButton.exact(BACK, Effect.ASIDE, this::back));
    }

    @Override
    public Step start(Turn turn) {
        Texts texts = turn.texts();
        if (withPerson(turn)) {
            return repeatQuestion(turn);
        }
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
        boolean said = turn.text().filter(text -> !text.isEmpty()).isPresent() || !turn.files().isEmpty();
        if (said && withPerson(turn)) {
            return Step.stay(turn.conversation()).then(relay(turn));
        }
        if (said) {
            return follow(turn);
        }
        return repeatQuestion(turn);
    }

    @Override
    public Step repeatQuestion(Turn turn) {
        if (turn.conversation().handedOverAt() == null) {
            return Step.idle().say(MainMenu.with(turn.texts().get("start.what_can_i_do"), turn.texts()));
        }
        if (withPerson(turn)) {
            return withPerson(turn, turn.conversation().data(), turn.texts().get("handover.with_person",
                    "name", turn.conversation().data().getOrEmpty(PERSON), "company", turn.business().companyName()));
        }
        return waiting(turn, turn.conversation().data(), turn.texts().get("handover.already", "when", when(turn)));
    }

    /** While a person talks with the customer, nothing else starts (the menu's buttons, /menu): they are reminded. */
    @Override
    public boolean holdsUnsavedInput(Turn turn) {
        return withPerson(turn);
    }

    /** What a staff member who took the conversation tells the customer they are now talking with. */
    public static OutboundMessage taken(Texts texts, String person, String company) {
        return new OutboundMessage.Text(texts.get("handover.taken", "name", person, "company", company),
                List.of(List.of(new Button(texts.get("handover.button.back"), BACK))));
    }

    /** What a staff member who hands the conversation back tells the customer: the bot answers again. */
    public static OutboundMessage handedBack(Texts texts, String person, String company) {
        return MainMenu.with(texts.get("handover.back_to_bot", "name", person, "company", company), texts);
    }

    /** What the customer is told when staff close a request nobody took. */
    public static OutboundMessage closedUntaken(Texts texts) {
        return MainMenu.with(texts.get("handover.cancelled"), texts);
    }

    private static boolean withPerson(Turn turn) {
        return NAME.equals(turn.conversation().flow()) && WITH_PERSON.equals(turn.conversation().state());
    }

    private static Step withPerson(Turn turn, FlowData data, String text) {
        return Step.to(NAME, State.WITH_PERSON, data).say(new OutboundMessage.Text(text,
                List.of(List.of(new Button(turn.texts().get("handover.button.back"), BACK)))));
    }

    private static FlowCommand relay(Turn turn) {
        String text = turn.text().orElse(turn.caption());
        return new FlowCommand.RelayToStaff(null, text, turn.files());
    }

    /** The customer wrote while waiting for a person: kept for the colleague, said so once, then briefly. */
    Step follow(Turn turn) {
        FlowData data = turn.conversation().data();
        boolean first = !NAME.equals(turn.conversation().flow()) || data.get(NOTED).isEmpty();
        String text = first ? turn.texts().get("handover.noted", "when", when(turn)) : turn.texts().get("handover.noted_again");
        return waiting(turn, data.with(NOTED, "yes"), text).then(relay(turn));
    }

    /**
     * "Cancel request" pressed: withdraws a request nobody took yet. Pressed on the old waiting message after a
     * person took the conversation, it does not end the talk behind the person's back: the customer is reminded
     * who they are talking with, with the button that goes back to the bot.
     */
    private Step cancelPressed(Turn turn) {
        return withPerson(turn) ? repeatQuestion(turn) : cancel(turn);
    }

    /** "Back to the bot" pressed: ends the talk with the person; the button of a talk already over finds none. */
    private Step back(Turn turn) {
        return withPerson(turn) ? cancel(turn) : Step.idle().say(MainMenu.with(turn.texts().get("handover.none"),
                turn.texts()));
    }

    /** The request is withdrawn, or the talk with the person ended ({@code /cancel}): the bot's again. */
    Step cancel(Turn turn) {
        if (turn.conversation().handedOverAt() == null) {
            return Step.idle().say(MainMenu.with(turn.texts().get("handover.none"), turn.texts()));
        }
        String said = withPerson(turn) ? turn.texts().get("handover.left", "name",
                turn.conversation().data().getOrEmpty(PERSON)) : turn.texts().get("handover.cancelled");
        return Step.idle().then(new FlowCommand.CancelHandover()).say(MainMenu.with(said, turn.texts()));
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
        ZoneId customerZone = turn.customer().zone();
        return turn.texts().get("handover.when.closed", "opening", ComplaintWording.inCustomerZone(turn.texts(),
                opening(turn.texts(), openAgain, now, customerZone), openAgain, customerZone, zone));
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
