package io.retainbot.console;

import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.outreach.BroadcastSchedule;
import io.retainbot.core.outreach.CalendarRule;
import io.retainbot.core.outreach.ComplaintCount;
import io.retainbot.core.outreach.ConsentState;
import io.retainbot.core.outreach.Placeholder;
import io.retainbot.core.outreach.SegmentFilter;
import io.retainbot.core.outreach.Template;
import io.retainbot.core.outreach.TemplateButton;
import io.retainbot.core.outreach.TemplatePurpose;
import io.retainbot.core.outreach.TemplateText;
import io.retainbot.core.outreach.Templates;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the marketing forms into bot-core's values (a segment filter, a schedule, a template draft), the
 * same values the REST API builds from JSON; what cannot be read is a {@link FormProblem} naming the field.
 */
final class MarketingForms {
    /** The languages and tones a template is written in, in the order the form shows them. */
    static final List<String> LANGUAGES = ConsoleTexts.LANGUAGES;
    static final List<Tone> TONES = List.of(Tone.FORMAL, Tone.FRIENDLY);
    static final List<String> CHANNELS = List.of(Platform.TELEGRAM.code(), Platform.DISCORD.code(), Platform.WEB.code());
    static final String MEMBERSHIP_DAY_RULE = "first Saturday of every month at 10:00";
    private static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);
    private static final int MAX_WHOLE = 1_000_000;

    private MarketingForms() {
    }

    static SegmentFilter filter(Form form, ZoneId zone) {
        SegmentFilter.Builder filter = SegmentFilter.builder()
                .anyTags(tags(form.value("anyTags")))
                .allTags(tags(form.value("allTags")))
                .noTags(tags(form.value("noTags")))
                .languages(chosen(form, "languages", LANGUAGES::contains, language -> language))
                .channels(chosen(form, "channels", CHANNELS::contains, Platform::fromCode))
                .tiers(chosen(form, "tiers", code -> List.of("high", "medium", "low").contains(code),
                        OpportunityTier::fromCode))
                .responsibleStaffId(whole(form, "owner", 1))
                .consent(form.value("consent").isEmpty() ? null : consent(form.value("consent")))
                .lastContactAfter(day(form, "lastContactAfter", zone))
                .lastContactBefore(day(form, "lastContactBefore", zone))
                .hasOpenComplaint(yesNo(form, "openComplaint"))
                .recentComplaints(recentComplaints(form))
                .birthdayMonths(chosen(form, "birthdayMonths", month -> month.matches("[1-9]|1[0-2]"), Integer::valueOf))
                .customerSinceAfter(day(form, "customerSinceAfter", zone))
                .customerSinceBefore(day(form, "customerSinceBefore", zone));
        inOrder(form, "lastContactAfter", "lastContactBefore", "segments.last_contact.backwards");
        inOrder(form, "customerSinceAfter", "customerSinceBefore", "segments.since.backwards");
        Set<Tag> both = new LinkedHashSet<>(tags(form.value("allTags")));
        both.retainAll(tags(form.value("noTags")));
        if (!both.isEmpty()) {
            throw new FormProblem("segments.tags.contradict", both.iterator().next().name());
        }
        try {
            return filter.build();
        } catch (IllegalArgumentException invalid) {
            throw new FormProblem("form.invalid", invalid.getMessage());
        }
    }

    static BroadcastSchedule schedule(Form form, Instant now, ZoneId zone) {
        switch (form.value("when")) {
            case "now":
                return new BroadcastSchedule.Once(now);
            case "at": {
                String at = form.value("at");
                if (at.isEmpty()) {
                    throw new FormProblem("broadcasts.at.missing");
                }
                Instant moment;
                try {
                    moment = LocalDateTime.parse(at).atZone(zone).toInstant();
                } catch (DateTimeException invalid) {
                    throw new FormProblem("broadcasts.at.invalid", at);
                }
                if (moment.isBefore(now.minus(PAST_TOLERANCE))) {
                    throw new FormProblem("broadcasts.at.past", at);
                }
                return new BroadcastSchedule.Once(moment);
            }
            case "rule": {
                CalendarRule rule;
                try {
                    rule = CalendarRule.parse(form.value("rule"));
                } catch (IllegalArgumentException invalid) {
                    throw new FormProblem("broadcasts.rule.invalid", form.value("rule"));
                }
                BroadcastSchedule.ZoneMode mode = form.value("zone").equals("customer")
                        ? BroadcastSchedule.ZoneMode.CUSTOMER : BroadcastSchedule.ZoneMode.BUSINESS;
                return new BroadcastSchedule.Recurring(rule, mode);
            }
            default:
                throw new FormProblem("broadcasts.when.missing");
        }
    }

    static Template template(Form form) {
        TemplatePurpose purpose = form.value("purpose").equals("service") ? TemplatePurpose.SERVICE
                : TemplatePurpose.MARKETING;
        String defaultLanguage = form.value("defaultLanguage");
        if (!LANGUAGES.contains(defaultLanguage)) {
            throw new FormProblem("templates.default_language.missing");
        }
        List<TemplateText> texts = new ArrayList<>();
        for (String language : LANGUAGES) {
            for (Tone tone : TONES) {
                String body = form.value(textField(language, tone));
                if (body.length() > TemplateText.MAX_BODY) {
                    throw new FormProblem("templates.text.too_long", TemplateText.MAX_BODY);
                }
                Optional<String> unknown = Placeholder.firstUnknownIn(body);
                if (unknown.isPresent()) {
                    throw new FormProblem("templates.placeholder.unknown", "{" + unknown.get() + "}");
                }
                if (!body.isBlank()) {
                    texts.add(new TemplateText(language, tone, body));
                }
            }
        }
        if (texts.stream().noneMatch(text -> text.language().equals(defaultLanguage))) {
            throw new FormProblem("templates.text.missing_default");
        }
        List<TemplateButton> buttons = chosen(form, "buttons", code -> code.equals("thanks") || code.equals("stop"),
                TemplateButton::fromCode).stream().sorted().toList();
        Long days = whole(form, "offerValidDays", 1);
        boolean usesOffer = texts.stream().anyMatch(text -> text.placeholders().contains(Placeholder.OFFER_CODE)
                || text.placeholders().contains(Placeholder.OFFER_EXPIRES));
        if (usesOffer && days == null) {
            throw new FormProblem("templates.offer_days.missing");
        }
        try {
            return Templates.draft(form.value("name"), purpose, defaultLanguage, texts, buttons,
                    days == null ? null : Math.toIntExact(days));
        } catch (IllegalArgumentException invalid) {
            throw new FormProblem("form.invalid", invalid.getMessage());
        }
    }

    /** Two dates of one range: the first must come before the second, or nobody could match. */
    private static void inOrder(Form form, String after, String before, String problem) {
        LocalDate from = date(form, after);
        LocalDate until = date(form, before);
        if (from != null && until != null && !from.isBefore(until)) {
            throw new FormProblem(problem, from, until);
        }
    }

    static String textField(String language, Tone tone) {
        return "text_" + language + "_" + tone.name().toLowerCase(Locale.ROOT);
    }

    /** A time of day such as 09:00, {@code null} when the field is empty. */
    static LocalTime time(Form form, String field) {
        return parsed(form.value(field), LocalTime::parse, "form.invalid.time");
    }

    /** A date such as 2026-12-05, {@code null} when the field is empty. */
    static LocalDate date(Form form, String field) {
        return parsed(form.value(field), LocalDate::parse, "form.invalid.date");
    }

    private static <T> T parsed(String text, Function<String, T> parser, String problemKey) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (DateTimeException invalid) {
            throw new FormProblem(problemKey, text);
        }
    }

    /** A whole number of at least {@code min}, {@code null} when the field is empty. */
    static Long whole(Form form, String field, long min) {
        String text = form.value(field);
        if (text.isEmpty()) {
            return null;
        }
        try {
            long value = Long.parseLong(text);
            if (value < min || value > MAX_WHOLE) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException notANumber) {
            throw new FormProblem("form.invalid.number", text);
        }
    }

    private static Set<Tag> tags(String text) {
        Set<Tag> tags = new LinkedHashSet<>();
        for (String name : text.split("[,;\\s]+")) {
            String tag = name.startsWith("#") ? name.substring(1) : name;
            if (tag.isEmpty()) {
                continue;
            }
            try {
                tags.add(new Tag(tag));
            } catch (IllegalArgumentException invalid) {
                throw new FormProblem("form.invalid.tag", tag);
            }
        }
        return tags;
    }

    private static <T> Set<T> chosen(Form form, String field, java.util.function.Predicate<String> known,
                                     Function<String, T> value) {
        Set<T> values = new LinkedHashSet<>();
        for (String code : form.all(field)) {
            if (!known.test(code)) {
                throw new FormProblem("form.invalid.choice", code);
            }
            values.add(value.apply(code));
        }
        return values;
    }

    private static ConsentState consent(String code) {
        try {
            return ConsentState.fromCode(code);
        } catch (IllegalArgumentException unknown) {
            throw new FormProblem("form.invalid.choice", code);
        }
    }

    private static Instant day(Form form, String field, ZoneId zone) {
        LocalDate date = date(form, field);
        return date == null ? null : date.atStartOfDay(zone).toInstant();
    }

    private static Boolean yesNo(Form form, String field) {
        return switch (form.value(field)) {
            case "" -> null;
            case "yes" -> true;
            case "no" -> false;
            default -> throw new FormProblem("form.invalid.choice", form.value(field));
        };
    }

    private static ComplaintCount recentComplaints(Form form) {
        Long days = whole(form, "recentDays", 1);
        Long atLeast = whole(form, "recentAtLeast", 1);
        if (days == null) {
            if (atLeast != null) {
                throw new FormProblem("segments.recent.days_missing");
            }
            return null;
        }
        try {
            return new ComplaintCount(Math.toIntExact(days), atLeast == null ? 1 : Math.toIntExact(atLeast));
        } catch (IllegalArgumentException invalid) {
            throw new FormProblem("form.invalid", invalid.getMessage());
        }
    }
}
