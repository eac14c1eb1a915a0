package io.retainbot.core.flow;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.i18n.Messages;
import java.util.List;
import java.util.Optional;

/** Choosing the language the bot speaks: buttons with each language's own name, or /language ko. */
public final class LanguageFlow implements Flow {
    public static final String NAME = "language";
    static final String PREFIX = "lang:";

    enum State {
        AWAITING_LANGUAGE
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
                (turn, argument) -> argument.isBlank() ? start(turn) : choose(turn, argument)));
    }

    @Override
    public List<GlobalButton> buttons() {
        return List.of(
                GlobalButton.exact(MainMenu.LANGUAGE, Effect.STARTS_FLOW, this::start),
                GlobalButton.prefixed(PREFIX, Effect.ASIDE, this::choose));
    }

    @Override
    public Step start(Turn turn) {
        List<Button> buttons = messages.languages().stream()
                .map(language -> new Button(messages.in(language, turn.texts().tone()).get("language.name"), PREFIX + language))
                .toList();
        return Step.to(NAME, State.AWAITING_LANGUAGE, FlowData.EMPTY)
                .say(new OutboundMessage.Text(turn.texts().get("language.ask"), List.of(buttons)));
    }

    /** Sets the language named in {@code argument} ("ko", "한국어", "Tagalog"), or asks. */
    public Step choose(Turn turn, String argument) {
        return find(argument).map(language -> changed(turn, language)).orElseGet(() -> start(turn));
    }

    @Override
    public Step next(Turn turn) {
        Optional<String> chosen = turn.button().filter(data -> data.startsWith(PREFIX))
                .map(data -> data.substring(PREFIX.length()))
                .filter(messages::isSupported)
                .or(() -> turn.text().flatMap(this::find));
        return chosen.map(language -> changed(turn, language))
                .orElseGet(() -> start(turn).sayFirst(turn.texts().get("language.expected")));
    }

    @Override
    public Step repeatQuestion(Turn turn) {
        return start(turn);
    }

    private Step changed(Turn turn, String language) {
        var texts = turn.texts().inLanguage(language);
        return Step.idle().then(new FlowCommand.SetLanguage(language))
                .say(MainMenu.with(texts.get("language.changed"), texts));
    }

    private Optional<String> find(String wanted) {
        String value = wanted.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return messages.languages().stream()
                .filter(language -> language.equalsIgnoreCase(value)
                        || messages.in(language, io.retainbot.core.customer.Tone.FORMAL).get("language.name").equalsIgnoreCase(value))
                .findFirst()
                .or(() -> Optional.of(messages.languageFor(value)).filter(language -> !language.equals(Messages.FALLBACK)
                        || value.toLowerCase(java.util.Locale.ROOT).startsWith("en")));
    }
}
