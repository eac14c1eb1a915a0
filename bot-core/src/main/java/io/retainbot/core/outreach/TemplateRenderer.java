package io.retainbot.core.outreach;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.i18n.DateWording;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.i18n.Texts;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * Turns a template into the message one customer gets: their language and tone (with the
 * template's fallbacks), their name as they like to be addressed, dates in their language and time
 * zone, their own offer code, the buttons in their language and the template's photo. Marketing always
 * carries the "Stop these messages" button.
 */
public final class TemplateRenderer {
    private final Messages messages;
    private final String companyName;
    private final ZoneId businessZone;

    public TemplateRenderer(Messages messages, String companyName, ZoneId businessZone) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.companyName = Objects.requireNonNull(companyName, "companyName");
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone");
    }

    /**
     * What fills the placeholders that are not about the customer.
     *
     * @param membershipDay the next membership day, {@code null} if the template does not use it
     * @param offer         the customer's offer code, {@code null} if the template carries none
     */
    public record Fill(LocalDate membershipDay, OfferCode offer) {
        public static final Fill NONE = new Fill(null, null);
    }

    /**
     * @throws IllegalArgumentException when the template uses {@code {membershipDay}} or {@code {offerCode}}
     *                                  and the fill lacks it, naming the missing value
     */
    public OutboundMessage.Text render(Template template, Customer customer, Fill fill) {
        TemplateText text = template.textFor(customer.language(), customer.tone());
        Texts texts = messages.in(messages.languageFor(text.language()), customer.tone());
        ZoneId zone = Objects.requireNonNullElse(customer.profile().zone(), businessZone);
        Matcher matcher = Placeholder.IN_TEXT.matcher(text.body());
        StringBuilder body = new StringBuilder();
        while (matcher.find()) {
            Placeholder placeholder = Placeholder.byToken(matcher.group(1)).orElseThrow();
            matcher.appendReplacement(body, Matcher.quoteReplacement(
                    value(placeholder, customer, fill, texts, text.language(), zone)));
        }
        matcher.appendTail(body);
        OutboundMessage.Text message = new OutboundMessage.Text(body.toString(), buttons(template, texts));
        return template.photoKey() == null ? message : message.withPhoto(new Photo(template.photoKey()));
    }

    private String value(Placeholder placeholder, Customer customer, Fill fill, Texts texts, String language,
                         ZoneId zone) {
        return switch (placeholder) {
            case NAME -> name(customer, texts);
            case COMPANY -> companyName;
            case MEMBERSHIP_DAY -> {
                if (fill.membershipDay() == null) {
                    throw new IllegalArgumentException("membershipDay: the template uses {membershipDay}; "
                            + "give the date of the membership day");
                }
                yield DateWording.date(fill.membershipDay().atTime(LocalTime.NOON).atZone(zone).toInstant(), zone,
                        language);
            }
            case OFFER_CODE -> requireOffer(fill).code();
            case OFFER_EXPIRES -> DateWording.date(requireOffer(fill).expiresAt(), zone, language);
        };
    }

    private static OfferCode requireOffer(Fill fill) {
        if (fill.offer() == null) {
            throw new IllegalArgumentException("offerCode: the template uses an offer code and none was issued");
        }
        return fill.offer();
    }

    private static String name(Customer customer, Texts texts) {
        if (customer.profile().formOfAddress() != null) {
            return customer.profile().formOfAddress();
        }
        if (!customer.displayName().isBlank()) {
            return customer.displayName();
        }
        return texts.get("outreach.name.fallback");
    }

    private static List<List<Button>> buttons(Template template, Texts texts) {
        List<TemplateButton> wanted = new ArrayList<>(template.buttons());
        if (template.purpose() == TemplatePurpose.MARKETING && !wanted.contains(TemplateButton.STOP)) {
            wanted.add(TemplateButton.STOP);
        }
        List<Button> row = wanted.stream()
                .map(button -> new Button(texts.get(button.labelKey()), button.data()))
                .toList();
        return row.isEmpty() ? List.of() : List.of(row);
    }
}
