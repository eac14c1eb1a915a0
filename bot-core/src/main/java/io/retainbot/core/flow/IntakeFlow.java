package io.retainbot.core.flow;

import io.retainbot.core.business.ComplaintCategory;
import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.complaint.NewComplaint;
import io.retainbot.core.i18n.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Complaint intake: category, description (one gentle follow-up when it is very short), optional
 * order number, optional files, a summary to confirm or edit, then the complaint is filed and the
 * engine acknowledges it at once with its reference and promise. Limits are ones a person
 * understands: an order number is up to 40 letters, digits, {@code -} and {@code #}; a description
 * up to 4,000 characters, and what goes beyond is kept as a note on the complaint, said so politely.
 */
public final class IntakeFlow implements Flow {
    public static final String NAME = "intake";
    static final String CATEGORY_PREFIX = "intake:cat:";
    static final String SKIP = "intake:skip";
    static final String DESCRIPTION_DONE = "intake:desc:done";
    static final String FILES_DONE = "intake:files:done";
    static final int MAX_FILES = 10;
    /** The longest description; more text is kept as a note on the complaint. */
    public static final int MAX_DESCRIPTION = 4000;
    /** The longest order number: letters, digits, {@code -} and {@code #}. */
    public static final int MAX_ORDER_REFERENCE = 40;
    private static final int MAX_CONTINUATION = 20_000;
    private static final java.util.regex.Pattern ORDER_REFERENCE = java.util.regex.Pattern.compile("[\\p{L}\\p{N}#-]+");
    private static final int SHORT_DESCRIPTION = 15;

    enum State {
        AWAITING_CATEGORY,
        AWAITING_DESCRIPTION,
        AWAITING_MORE_DETAIL,
        AWAITING_ORDER_REFERENCE,
        AWAITING_FILES,
        AWAITING_CONFIRMATION,
        AWAITING_EDIT_CHOICE
    }

    static final String CATEGORY = "category";
    static final String DESCRIPTION = "description";
    static final String ORDER = "order";
    static final String STARTED_AT = "startedAt";
    static final String EDITING = "editing";
    static final String CONTINUATION = "continuation";
    /** The check-in answered "I have a problem" that started this intake, if one did. */
    static final String CHECK_IN = "checkIn";

    private final IntakeReview review = new IntakeReview(this);

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
        return List.of(ChatCommand.of("complaint", Effect.STARTS_FLOW, (turn, argument) -> start(turn)));
    }

    @Override
    public List<GlobalButton> buttons() {
        return List.of(GlobalButton.exact(MainMenu.COMPLAINT, Effect.STARTS_FLOW, this::start));
    }

    /** Anything entered so far (category, description, files) would be lost by leaving. */
    @Override
    public boolean holdsUnsavedInput(Turn turn) {
        FlowData data = turn.conversation().data();
        return data.get(CATEGORY).isPresent() || data.get(DESCRIPTION).isPresent() || !data.files().isEmpty();
    }

    @Override
    public Step start(Turn turn) {
        FlowData data = FlowData.EMPTY.with(STARTED_AT, turn.now().toString()).withFiles(turn.files());
        return askCategory(turn, data).then(new FlowCommand.ReserveReference());
    }

    /** Intake started from the check-in {@code checkInId}: the complaint it files is kept on the check-in. */
    Step startFromCheckIn(Turn turn, long checkInId) {
        FlowData data = FlowData.EMPTY.with(STARTED_AT, turn.now().toString()).with(CHECK_IN, String.valueOf(checkInId))
                .withFiles(turn.files());
        return askCategory(turn, data).then(new FlowCommand.ReserveReference());
    }

    @Override
    public Step next(Turn turn) {
        return switch (turn.state(State.class, State.AWAITING_CATEGORY)) {
            case AWAITING_CATEGORY -> onCategory(turn);
            case AWAITING_DESCRIPTION -> onDescription(turn);
            case AWAITING_MORE_DETAIL -> onMoreDetail(turn);
            case AWAITING_ORDER_REFERENCE -> onOrderReference(turn);
            case AWAITING_FILES -> onFiles(turn);
            case AWAITING_CONFIRMATION -> review.onConfirmation(turn);
            case AWAITING_EDIT_CHOICE -> review.onEditChoice(turn);
        };
    }

    @Override
    public Step repeatQuestion(Turn turn) {
        FlowData data = turn.conversation().data();
        return switch (turn.state(State.class, State.AWAITING_CATEGORY)) {
            case AWAITING_CATEGORY -> askCategory(turn, data);
            case AWAITING_DESCRIPTION -> askDescription(turn, data);
            case AWAITING_MORE_DETAIL -> Step.to(NAME, State.AWAITING_MORE_DETAIL, data)
                    .say(withButtons(turn.texts().get("intake.description.more"),
                            new Button(turn.texts().get("intake.button.that_is_all"), DESCRIPTION_DONE)));
            case AWAITING_ORDER_REFERENCE -> askOrderReference(turn, data);
            case AWAITING_FILES -> askFiles(turn, data);
            case AWAITING_CONFIRMATION -> review.summary(turn, data);
            case AWAITING_EDIT_CHOICE -> review.askEditChoice(turn, data);
        };
    }

    /** A complaint filed in one step from a platform form (Discord's modal): category and description. */
    public Step fromForm(Turn turn, InboundEvent.FormSubmitted form) {
        String description = form.fields().getOrDefault(DESCRIPTION, "").strip();
        Optional<ComplaintCategory> category = turn.business().category(form.fields().getOrDefault(CATEGORY, ""));
        FlowData data = FlowData.EMPTY.with(STARTED_AT, turn.now().toString());
        if (category.isEmpty()) {
            return askCategory(turn, description.isEmpty() ? data : describe(data, description, true).data())
                    .then(new FlowCommand.ReserveReference());
        }
        data = data.with(CATEGORY, category.get().id());
        if (description.isEmpty()) {
            return askDescription(turn, data).then(new FlowCommand.ReserveReference());
        }
        Described described = describe(data, description, true);
        return noteIfLong(turn, described, file(turn, described.data()));
    }

    Step askCategory(Turn turn, FlowData data) {
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (ComplaintCategory category : turn.business().categories()) {
            row.add(new Button(category.label(turn.texts().language()), CATEGORY_PREFIX + category.id()));
            if (row.size() == 2) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        rows.add(row);
        return Step.to(NAME, State.AWAITING_CATEGORY, data)
                .say(new OutboundMessage.Text(turn.texts().get("intake.category.ask"), rows));
    }

    private Step onCategory(Turn turn) {
        Optional<ComplaintCategory> chosen = turn.button()
                .filter(data -> data.startsWith(CATEGORY_PREFIX))
                .flatMap(data -> turn.business().category(data.substring(CATEGORY_PREFIX.length())))
                .or(() -> turn.text().flatMap(text -> categoryByLabel(turn, text)));
        if (chosen.isEmpty()) {
            return askCategory(turn, turn.conversation().data()).sayFirst(turn.texts().get("intake.category.expected"));
        }
        FlowData data = turn.conversation().data().with(CATEGORY, chosen.get().id());
        if (data.get(EDITING).isPresent() || data.get(DESCRIPTION).isPresent()) {
            return data.get(EDITING).isPresent() ? review.summary(turn, data.without(EDITING)) : askOrderReference(turn, data);
        }
        return askDescription(turn, data);
    }

    private Step askDescription(Turn turn, FlowData data) {
        String label = turn.business().category(data.getOrEmpty(CATEGORY))
                .map(category -> category.label(turn.texts().language())).orElse("");
        return Step.to(NAME, State.AWAITING_DESCRIPTION, data)
                .say(turn.texts().get("intake.description.ask", "category", label));
    }

    private Step onDescription(Turn turn) {
        FlowData data = turn.conversation().data();
        if (turn.button().isPresent()) {
            return askDescription(turn, data).sayFirst(turn.texts().get("button.earlier_step"));
        }
        String text = turn.text().orElse(turn.caption());
        if (!turn.files().isEmpty()) {
            data = data.withFiles(turn.files());
            if (text.isEmpty()) {
                return Step.to(NAME, State.AWAITING_DESCRIPTION, data).say(turn.texts().get("intake.description.after_file"));
            }
        }
        if (text.isEmpty()) {
            return Step.to(NAME, State.AWAITING_DESCRIPTION, data).say(turn.texts().get("intake.description.empty"));
        }
        Described described = describe(data, text, true);
        data = described.data();
        if (data.get(EDITING).isPresent()) {
            return noteIfLong(turn, described, review.summary(turn, data.without(EDITING)));
        }
        if (text.codePointCount(0, text.length()) < SHORT_DESCRIPTION) {
            return Step.to(NAME, State.AWAITING_MORE_DETAIL, data)
                    .say(withButtons(turn.texts().get("intake.description.more"),
                            new Button(turn.texts().get("intake.button.that_is_all"), DESCRIPTION_DONE)));
        }
        return noteIfLong(turn, described, askOrderReference(turn, data));
    }

    private Step onMoreDetail(Turn turn) {
        FlowData data = turn.conversation().data().withFiles(turn.files());
        String more = turn.text().orElse(turn.caption());
        if (!more.isEmpty()) {
            Described described = describe(data, more, false);
            return noteIfLong(turn, described, askOrderReference(turn, described.data()));
        } else if (!turn.pressed(DESCRIPTION_DONE) && turn.files().isEmpty()) {
            return repeatQuestion(turn);
        }
        return askOrderReference(turn, data);
    }

    Step askOrderReference(Turn turn, FlowData data) {
        return Step.to(NAME, State.AWAITING_ORDER_REFERENCE, data)
                .say(withButtons(turn.texts().get("intake.order.ask"),
                        new Button(turn.texts().get("intake.button.skip"), SKIP)));
    }

    private Step onOrderReference(Turn turn) {
        FlowData data = turn.conversation().data();
        if (turn.button().isPresent() && !turn.pressed(SKIP)) {
            return askOrderReference(turn, data).sayFirst(turn.texts().get("button.earlier_step"));
        }
        if (!turn.pressed(SKIP)) {
            Optional<String> order = turn.text().filter(text -> !text.isEmpty());
            if (order.isEmpty()) {
                return askOrderReference(turn, data).sayFirst(turn.texts().get("intake.order.expected"));
            }
            if (order.get().length() > MAX_ORDER_REFERENCE) {
                return askOrderReference(turn, data).sayFirst(turn.texts().get("intake.order.too_long",
                        "max", MAX_ORDER_REFERENCE));
            }
            if (!ORDER_REFERENCE.matcher(order.get()).matches()) {
                return askOrderReference(turn, data).sayFirst(turn.texts().get("intake.order.invalid",
                        "max", MAX_ORDER_REFERENCE));
            }
            data = data.with(ORDER, order.get());
        }
        if (data.get(EDITING).isPresent()) {
            return review.summary(turn, data.without(EDITING));
        }
        return askFiles(turn, data);
    }

    Step askFiles(Turn turn, FlowData data) {
        String key = data.files().isEmpty() ? "intake.files.ask" : "intake.files.ask_more";
        return Step.to(NAME, State.AWAITING_FILES, data)
                .say(withButtons(turn.texts().get(key, "count", data.files().size()),
                        new Button(turn.texts().get(data.files().isEmpty() ? "intake.button.no_files" : "intake.button.done"),
                                FILES_DONE)));
    }

    private Step onFiles(Turn turn) {
        FlowData data = turn.conversation().data();
        if (!turn.files().isEmpty()) {
            if (data.files().size() + turn.files().size() > MAX_FILES) {
                return review.summary(turn, data).sayFirst(turn.texts().get("intake.files.too_many", "max", MAX_FILES));
            }
            data = data.withFiles(turn.files());
            Described described = describe(data, turn.caption(), false);
            return noteIfLong(turn, described, Step.to(NAME, State.AWAITING_FILES, described.data())
                    .say(withButtons(turn.texts().get("intake.files.received", "count", data.files().size()),
                            new Button(turn.texts().get("intake.button.done"), FILES_DONE))));
        }
        if (turn.pressed(FILES_DONE) || turn.pressed(SKIP)) {
            return review.summary(turn, data);
        }
        Optional<String> text = turn.text().filter(t -> !t.isEmpty());
        if (text.isPresent()) {
            Described described = describe(data, text.get(), false);
            return noteIfLong(turn, described, Step.to(NAME, State.AWAITING_FILES, described.data())
                    .say(withButtons(turn.texts().get("intake.files.text_added"),
                            new Button(turn.texts().get("intake.button.done"), FILES_DONE))));
        }
        return askFiles(turn, data);
    }

    /** Files the complaint described by {@code data}; the engine sends the acknowledgement. */
    Step file(Turn turn, FlowData data) {
        Instant startedAt = data.get(STARTED_AT).map(Instant::parse).orElse(turn.now());
        Step filing = Step.idle().then(new FlowCommand.FileComplaint(data.getOrEmpty(CATEGORY),
                data.getOrEmpty(DESCRIPTION), data.getOrEmpty(ORDER), data.files(), startedAt,
                data.getOrEmpty(CONTINUATION), data.about().orElse(null)));
        return data.get(CHECK_IN).filter(id -> id.matches("\\d{1,18}"))
                .map(id -> filing.then(new FlowCommand.LinkCheckIn(Long.parseLong(id)))).orElse(filing);
    }

    /** The description with {@code text} added (or in its place), and whether it ran over the limit. */
    record Described(FlowData data, boolean overflowed) {
    }

    /**
     * Adds {@code text} to the description (or replaces it). Up to {@link #MAX_DESCRIPTION} characters
     * are the description, cut between words; the rest, and everything after it, is the continuation
     * the complaint keeps as a note.
     */
    static Described describe(FlowData data, String text, boolean replace) {
        String addition = text.strip();
        String description = replace ? "" : data.getOrEmpty(DESCRIPTION);
        String continuation = replace ? "" : data.getOrEmpty(CONTINUATION);
        if (addition.isEmpty()) {
            return new Described(data, false);
        }
        if (!continuation.isEmpty()) {
            return new Described(data.with(CONTINUATION, capped(continuation + "\n" + addition)), true);
        }
        String combined = description.isEmpty() ? addition : description + "\n" + addition;
        if (combined.length() <= MAX_DESCRIPTION) {
            return new Described(data.with(DESCRIPTION, combined).without(CONTINUATION), false);
        }
        int cut = cutPoint(combined);
        return new Described(data.with(DESCRIPTION, combined.substring(0, cut).strip())
                .with(CONTINUATION, capped(combined.substring(cut).strip())), true);
    }

    private static int cutPoint(String text) {
        int cut = MAX_DESCRIPTION;
        for (int at = MAX_DESCRIPTION; at > MAX_DESCRIPTION - 200; at--) {
            if (Character.isWhitespace(text.charAt(at))) {
                return at;
            }
        }
        return Character.isLowSurrogate(text.charAt(cut)) ? cut - 1 : cut;
    }

    private static String capped(String text) {
        if (text.length() <= MAX_CONTINUATION) {
            return text;
        }
        int end = MAX_CONTINUATION - 1;
        return text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end) + "…";
    }

    /** The polite note that the description ran long and the rest is kept, before the step's replies. */
    private static Step noteIfLong(Turn turn, Described described, Step step) {
        if (!described.overflowed()) {
            return step;
        }
        return step.sayFirst(turn.texts().get("intake.description.too_long", "max", MAX_DESCRIPTION));
    }

    private static Optional<ComplaintCategory> categoryByLabel(Turn turn, String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return turn.business().categories().stream()
                .filter(category -> category.id().equals(wanted)
                        || category.labels().values().stream().anyMatch(label -> label.toLowerCase(Locale.ROOT).equals(wanted)))
                .findFirst();
    }

    static String bounded(String text) {
        String trimmed = text.strip();
        if (trimmed.length() <= NewComplaint.MAX_DESCRIPTION) {
            return trimmed;
        }
        int end = NewComplaint.MAX_DESCRIPTION - 1;
        if (Character.isHighSurrogate(trimmed.charAt(end - 1))) {
            end--;
        }
        return trimmed.substring(0, end) + "…";
    }

    static OutboundMessage withButtons(String text, Button... buttons) {
        return new OutboundMessage.Text(text, List.of(List.of(buttons)));
    }

    static String categoryLabel(Turn turn, Texts texts, String id) {
        return turn.business().category(id).map(category -> category.label(texts.language())).orElse(id);
    }
}
