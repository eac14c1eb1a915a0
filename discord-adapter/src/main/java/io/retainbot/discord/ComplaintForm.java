package io.retainbot.discord;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.ComplaintCategory;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.i18n.Texts;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;

/**
 * The complaint as one Discord form: the category as a select of the business's categories and the
 * description as a paragraph, labelled in the user's language. Built without the database, so it can
 * be the interaction's immediate answer.
 */
final class ComplaintForm {
    static final int MIN_DESCRIPTION = 10;
    static final int MAX_DESCRIPTION = 4000;
    private static final int MAX_TITLE = 45;

    private final Messages messages;
    private final BusinessConfig business;

    ComplaintForm(Messages messages, BusinessConfig business) {
        this.messages = messages;
        this.business = business;
    }

    Modal build(String languageHint) {
        String language = messages.languageFor(languageHint);
        Texts texts = messages.in(language, Tone.FORMAL);
        StringSelectMenu.Builder categories = StringSelectMenu.create(InteractionTranslator.CATEGORY_FIELD)
                .setRequiredRange(1, 1);
        for (ComplaintCategory category : business.categories().subList(0, Math.min(25, business.categories().size()))) {
            categories.addOption(category.label(language), category.id());
        }
        TextInput description = TextInput.create(InteractionTranslator.DESCRIPTION_FIELD, TextInputStyle.PARAGRAPH)
                .setRequiredRange(MIN_DESCRIPTION, MAX_DESCRIPTION)
                .build();
        String title = texts.get("menu.complaint");
        return Modal.create(InteractionTranslator.COMPLAINT_FORM, title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE)
                        : title)
                .addComponents(Label.of(texts.get("intake.edit.category"), categories.build()),
                        Label.of(texts.get("intake.edit.description"), description))
                .build();
    }
}
