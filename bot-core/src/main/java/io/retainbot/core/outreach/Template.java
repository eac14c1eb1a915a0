package io.retainbot.core.outreach;

import io.retainbot.core.customer.Tone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A message to many customers, worded per language and tone. The default language always has a
 * text, so every customer gets a message: in their language and tone when the template has it,
 * else in their language in the other tone, else in the default language.
 *
 * @param offerValidDays how long an offer code issued for this template is valid; {@code null} when the
 *                       template carries no offer code
 * @param photoKey       the key of the photo every message of this template shows; {@code null} for none
 */
public record Template(long id, String name, TemplatePurpose purpose, String defaultLanguage,
                       List<TemplateText> texts, List<TemplateButton> buttons, Integer offerValidDays,
                       String photoKey, Instant createdAt, Instant updatedAt) {
    public Template {
        name = Names.checked(name);
        Objects.requireNonNull(purpose, "purpose");
        defaultLanguage = Objects.requireNonNullElse(defaultLanguage, "").strip().toLowerCase(java.util.Locale.ROOT);
        if (!defaultLanguage.matches("[a-z]{2,3}")) {
            throw new IllegalArgumentException("defaultLanguage must be a two- or three-letter code such as en, ko, "
                    + "tl; was \"" + defaultLanguage + "\"");
        }
        texts = List.copyOf(texts);
        buttons = List.copyOf(new LinkedHashSet<>(buttons));
        if (photoKey != null && photoKey.isBlank()) {
            photoKey = null;
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        checkTexts(defaultLanguage, texts);
        boolean usesOffer = texts.stream().anyMatch(text -> text.placeholders().contains(Placeholder.OFFER_CODE)
                || text.placeholders().contains(Placeholder.OFFER_EXPIRES));
        if (usesOffer && offerValidDays == null) {
            throw new IllegalArgumentException("offerValidDays: a template that uses {offerCode} or {offerExpires} "
                    + "must say how many days the offer is valid");
        }
        if (offerValidDays != null && (offerValidDays < 1 || offerValidDays > 3650)) {
            throw new IllegalArgumentException("offerValidDays must be 1 to 3650, was " + offerValidDays);
        }
    }

    private static void checkTexts(String defaultLanguage, List<TemplateText> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("texts: a template needs at least one text");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (TemplateText text : texts) {
            if (!seen.add(text.language() + "/" + text.tone())) {
                throw new IllegalArgumentException("texts: " + text.language() + " in the "
                        + text.tone().name().toLowerCase(java.util.Locale.ROOT) + " tone is given twice");
            }
        }
        if (texts.stream().noneMatch(text -> text.language().equals(defaultLanguage))) {
            throw new IllegalArgumentException("defaultLanguage: the template has no text in its default language "
                    + defaultLanguage + ", so customers in other languages would get nothing");
        }
    }

    /** Whether any text needs an offer code issued for the recipient. */
    public boolean carriesOffer() {
        return offerValidDays != null;
    }

    /** Every placeholder any of the texts uses. */
    public Set<Placeholder> placeholders() {
        Set<Placeholder> used = EnumSet.noneOf(Placeholder.class);
        texts.forEach(text -> used.addAll(text.placeholders()));
        return used;
    }

    public List<String> languages() {
        List<String> languages = new ArrayList<>();
        texts.stream().map(TemplateText::language).distinct().forEach(languages::add);
        return languages;
    }

    /** The text for a customer of this language and tone, falling back as the class describes. */
    public TemplateText textFor(String language, Tone tone) {
        return find(language, tone)
                .or(() -> find(language, other(tone)))
                .or(() -> find(defaultLanguage, tone))
                .or(() -> find(defaultLanguage, other(tone)))
                .orElseThrow();
    }

    private Optional<TemplateText> find(String language, Tone tone) {
        return texts.stream().filter(text -> text.language().equals(language) && text.tone() == tone).findFirst();
    }

    private static Tone other(Tone tone) {
        return tone == Tone.FORMAL ? Tone.FRIENDLY : Tone.FORMAL;
    }
}
