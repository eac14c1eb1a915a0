package io.retainbot.core.flow;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.i18n.Texts;
import java.util.List;

/** The end of intake: the summary to confirm, cancel or edit, and the choice of what to edit. */
final class IntakeReview {
    static final String CONFIRM = "intake:confirm";
    static final String EDIT = "intake:edit";
    static final String CANCEL = "intake:cancel";
    static final String EDIT_CATEGORY = "intake:edit:category";
    static final String EDIT_DESCRIPTION = "intake:edit:description";
    static final String EDIT_ORDER = "intake:edit:order";
    static final String EDIT_FILES = "intake:edit:files";

    private final IntakeFlow intake;

    IntakeReview(IntakeFlow intake) {
        this.intake = intake;
    }

    Step summary(Turn turn, FlowData data) {
        Texts texts = turn.texts();
        String order = data.get(IntakeFlow.ORDER).orElse(texts.get("intake.summary.none"));
        String text = texts.get("intake.summary",
                "category", IntakeFlow.categoryLabel(turn, texts, data.getOrEmpty(IntakeFlow.CATEGORY)),
                "description", data.getOrEmpty(IntakeFlow.DESCRIPTION),
                "order", order,
                "files", data.files().size());
        List<List<Button>> buttons = List.of(
                List.of(new Button(texts.get("intake.button.confirm"), CONFIRM)),
                List.of(new Button(texts.get("intake.button.edit"), EDIT), new Button(texts.get("intake.button.cancel"), CANCEL)));
        return Step.to(IntakeFlow.NAME, IntakeFlow.State.AWAITING_CONFIRMATION, data)
                .say(new OutboundMessage.Text(text, buttons));
    }

    Step onConfirmation(Turn turn) {
        FlowData data = turn.conversation().data();
        if (turn.pressed(CONFIRM)) {
            return intake.file(turn, data);
        }
        if (turn.pressed(EDIT)) {
            return askEditChoice(turn, data);
        }
        if (turn.pressed(CANCEL)) {
            return Step.idle().say(MainMenu.with(turn.texts().get("intake.cancelled"), turn.texts()));
        }
        return summary(turn, data).sayFirst(turn.texts().get("intake.confirm.expected"));
    }

    Step askEditChoice(Turn turn, FlowData data) {
        Texts texts = turn.texts();
        List<List<Button>> buttons = List.of(
                List.of(new Button(texts.get("intake.edit.category"), EDIT_CATEGORY),
                        new Button(texts.get("intake.edit.description"), EDIT_DESCRIPTION)),
                List.of(new Button(texts.get("intake.edit.order"), EDIT_ORDER),
                        new Button(texts.get("intake.edit.files"), EDIT_FILES)));
        return Step.to(IntakeFlow.NAME, IntakeFlow.State.AWAITING_EDIT_CHOICE, data)
                .say(new OutboundMessage.Text(texts.get("intake.edit.ask"), buttons));
    }

    Step onEditChoice(Turn turn) {
        FlowData editing = turn.conversation().data().with(IntakeFlow.EDITING, "yes");
        String choice = turn.button().orElse("");
        return switch (choice) {
            case EDIT_CATEGORY -> intake.askCategory(turn, editing);
            case EDIT_DESCRIPTION -> Step.to(IntakeFlow.NAME, IntakeFlow.State.AWAITING_DESCRIPTION, editing)
                    .say(turn.texts().get("intake.edit.description.ask"));
            case EDIT_ORDER -> intake.askOrderReference(turn, editing.without(IntakeFlow.ORDER));
            case EDIT_FILES -> intake.askFiles(turn, turn.conversation().data().withoutFiles());
            default -> askEditChoice(turn, turn.conversation().data()).sayFirst(turn.texts().get("intake.edit.expected"));
        };
    }
}
