package io.retainbot.discord;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.ComplaintCategory;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.modals.Modal;

/**
 * The complaint as one form (a Discord modal), opened by /complaint: the category as a select of
 * the business's categories and the description as a paragraph, in the user's client language. Its
 * submission reaches the engine as the {@code complaint} form with fields {@code category} and
 * {@code description}, which files the complaint in one step.
 */
final class ComplaintForm {
    static final String FORM_ID = "complaint";
    static final String CATEGORY = "category";
    static final String DESCRIPTION = "description";
    private static final int MAX_OPTIONS = StringSelectMenu.OPTIONS_MAX_AMOUNT;
    private static final int MAX_DESCRIPTION = TextInput.MAX_VALUE_LENGTH;

    private final BusinessConfig business;
    private final DiscordTexts texts;

    ComplaintForm(BusinessConfig business, DiscordTexts texts) {
        this.business = business;
        this.texts = texts;
    }

    Modal in(DiscordLocale locale) {
        String language = DiscordTexts.LANGUAGES.contains(Senders.languageHint(locale)) ? Senders.languageHint(locale) : "en";
        StringSelectMenu.Builder categories = StringSelectMenu.create(CATEGORY)
                .setPlaceholder(texts.get(language, "form.category.placeholder"))
                .setRequiredRange(1, 1);
        for (ComplaintCategory category : business.categories().subList(0, Math.min(MAX_OPTIONS, business.categories().size()))) {
            categories.addOption(bounded(category.label(language), 100), category.id());
        }
        TextInput description = TextInput.create(DESCRIPTION, TextInputStyle.PARAGRAPH)
                .setPlaceholder(bounded(texts.get(language, "form.description.placeholder"), 100))
                .setRequiredRange(1, MAX_DESCRIPTION)
                .build();
        return Modal.create(FORM_ID, bounded(texts.get(language, "form.title"), 45))
                .addComponents(Label.of(bounded(texts.get(language, "form.category"), 45), categories.build()),
                        Label.of(bounded(texts.get(language, "form.description"), 45), description))
                .build();
    }

    private static String bounded(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
