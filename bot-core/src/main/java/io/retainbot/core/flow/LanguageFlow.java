package io.retainbot.core.flow;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.i18n.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Choosing how the bot speaks: first the language (buttons with each language's own name, or
 * /language ko), then the tone ("How should we talk to you?": formal or friendly), both kept on
 * the customer.
 */
public final class LanguageFlow implements Flow {
    public static final String NAME = "language";
    static final String PREFIX = "lang:";
    static final String TONE_PREFIX = "tone:";

    enum State {
        AWAITING_LANGUAGE,
        AWAITING_TONE
    }

    private final Messages messages;

    public LanguageFlow(Messages messages) {
        this.messages = messages;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<State> states() {
        return State.class;
    }

    /** {@code /language} asks, {@code /language ko} switches (aside: a running flow continues in the new language). */
    @Override
    public List<ChatCommand> commands() {
        return List.of(ChatCommand.of("language", Effect.ASIDE_WITH_ARGUMENT,
                (turn, argument) -> argument.isBlank() ? start(turn) : chooseFrom(turn, argument)));
    }

    @Override
    public List<GlobalButton> buttons() {
        return List.of(
                GlobalButton.exact(MainMenu.LANGUAGE, Effect.STARTS_FLOW, this::start),
                GlobalButton.prefixed(PREFIX, Effect.ASIDE, this::chooseFrom));
    }

    @Override
    public Step start(Turn turn) {
        List<Button> buttons = messages.languages().stream()
                .map(language -> new Button(messages.in(language, turn.texts().tone()).get("language.name"), PREFIX + language))
                .toList();
        return Step.to(NAME, State.AWAITING_LANGUAGE, FlowData.EMPTY)
                .say(new OutboundMessage.Text(turn.texts().get("language.ask"), List.of(buttons)));
    }

    /** Sets the language named in {@code argument} ("ko", "한국어", "Tagalog") and asks for the tone, or asks for the language. */
    public Step choose(Turn turn, String argument) {
        return find(argument).map(language -> changed(turn, language)).orElseGet(() -> start(turn));
    }

    /**
     * A language chosen while another flow runs (an aside): switched at once, without the tone
     * question, so that flow continues in the new language; otherwise as {@link #choose}.
     */
    private Step chooseFrom(Turn turn, String argument) {
        boolean elsewhere = !turn.conversation().isIdle() && !NAME.equals(turn.conversation().flow());
        if (!elsewhere) {
            return choose(turn, argument);
        }
        return find(argument).map(language -> Step.idle().then(new FlowCommand.SetLanguage(language))
                        .say(turn.texts().inLanguage(language).get("language.changed")))
                .orElseGet(() -> start(turn));
    }

    @Override
    public Step next(Turn turn) {
        if (State.AWAITING_TONE.name().equals(turn.conversation().state())) {
            return nextTone(turn);
        }
        Optional<String> chosen = turn.button().filter(data -> data.startsWith(PREFIX))
                .map(data -> data.substring(PREFIX.length()))
                .filter(messages::isSupported)
                .or(() -> turn.text().flatMap(this::find));
        return chosen.map(language -> changed(turn, language))
                .orElseGet(() -> start(turn).sayFirst(turn.texts().get("language.expected")));
    }

    @Override
    public Step repeatQuestion(Turn turn) {
        if (State.AWAITING_TONE.name().equals(turn.conversation().state())) {
            return askTone(turn.texts(), turn.texts().get("tone.ask"));
        }
        return start(turn);
    }

    /** The language is set at once; the tone question comes in that language. */
    private Step changed(Turn turn, String language) {
        Texts texts = turn.texts().inLanguage(language);
        return askTone(texts, texts.get("language.changed") + "\n\n" + texts.get("tone.ask"))
                .then(new FlowCommand.SetLanguage(language));
    }

    private Step nextTone(Turn turn) {
        Optional<Tone> chosen = turn.button().filter(data -> data.startsWith(TONE_PREFIX))
                .flatMap(data -> tone(data.substring(TONE_PREFIX.length())))
                .or(() -> turn.text().flatMap(text -> toneNamed(turn.texts(), text)));
        if (chosen.isEmpty()) {
            return askTone(turn.texts(), turn.texts().get("tone.ask")).sayFirst(turn.texts().get("tone.expected"));
        }
        Texts texts = turn.texts().inTone(chosen.get());
        return Step.idle().then(new FlowCommand.SetTone(chosen.get()))
                .say(MainMenu.with(texts.get("tone.changed") + "\n\n" + texts.get("start.what_can_i_do"), texts));
    }

    /** The two tones as buttons, named in the customer's language. */
    private static Step askTone(Texts texts, String question) {
        List<Button> buttons = List.of(
                new Button(texts.get("tone.button.polite"), TONE_PREFIX + Tone.FORMAL.name().toLowerCase(Locale.ROOT)),
                new Button(texts.get("tone.button.casual"), TONE_PREFIX + Tone.FRIENDLY.name().toLowerCase(Locale.ROOT)));
        return Step.to(NAME, State.AWAITING_TONE, FlowData.EMPTY)
                .say(new OutboundMessage.Text(question, List.of(buttons)));
    }

    private static Optional<Tone> tone(String code) {
        for (Tone tone : Tone.values()) {
            if (tone.name().equalsIgnoreCase(code)) {
                return Optional.of(tone);
            }
        }
        return Optional.empty();
    }

    /** A typed answer that is one of the two button labels (any case). */
    private static Optional<Tone> toneNamed(Texts texts, String typed) {
        String value = typed.strip();
        if (value.equalsIgnoreCase(texts.get("tone.button.polite"))) {
            return Optional.of(Tone.FORMAL);
        }
        if (value.equalsIgnoreCase(texts.get("tone.button.casual"))) {
            return Optional.of(Tone.FRIENDLY);
        }
        return Optional.empty();
    }

    private Optional<String> find(String wanted) {
        String value = wanted.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return messages.languages().stream()
                .filter(language -> language.equalsIgnoreCase(value)
                        || messages.in(language, Tone.FORMAL).get("language.name").equalsIgnoreCase(value))
                .findFirst()
                .or(() -> Optional.of(messages.languageFor(value)).filter(language -> !language.equals(Messages.FALLBACK)
                        || value.toLowerCase(Locale.ROOT).startsWith("en")));
    }
}
