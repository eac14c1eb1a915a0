package io.retainbot.core.outreach;

import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.Birthday;
import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.port.CustomerPages;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The customer file as CSV, the same shape for import and export. Columns (any order on import,
 * all but {@code display_name} optional; an empty cell leaves what the file has):
 * <pre>
 * id, display_name, form_of_address, language, time_zone, phone, email, company, birthday (MM-DD or
 * YYYY-MM-DD), tier (high, medium, low), tone (formal, friendly), tags (separated by ;), consent (yes
 * or no), consent_source, consent_at (ISO instant), identities (platform:user or platform:user@chat,
 * separated by ;)
 * </pre>
 */
public final class CustomerCsv {
    public static final List<String> COLUMNS = List.of("id", "display_name", "form_of_address", "language",
            "time_zone", "phone", "email", "company", "birthday", "tier", "tone", "tags", "consent", "consent_source",
            "consent_at", "identities");
    private static final Pattern BIRTHDAY = Pattern.compile("(?:(\\d{4})-)?(\\d{1,2})-(\\d{1,2})");
    private static final Pattern IDENTITY = Pattern.compile("([a-z]+):([^@;\\s]+)(?:@([^;\\s]+))?");

    private final Map<String, Integer> positions;

    private CustomerCsv(Map<String, Integer> positions) {
        this.positions = positions;
    }

    /** A row the import refuses: its line, the column at fault and why. */
    public record Rejection(int line, String field, String error) {
    }

    /** A platform user to link, with the chat the bot reaches them in (their user id when not given). */
    public record IdentityCell(Platform platform, String userId, String chatId) {
    }

    /**
     * A row as read: the id (if any), the profile fields given ({@code null} where the cell was empty), tags,
     * consent and identities.
     */
    public record ImportedCustomer(int line, Long id, CustomerProfile given, Set<String> givenFields, Set<Tag> tags,
                                   Boolean consent, String consentSource, Instant consentAt,
                                   List<IdentityCell> identities) {
        /** The existing profile with every given field replaced. */
        public CustomerProfile appliedTo(CustomerProfile existing) {
            CustomerProfile.Builder merged = existing.toBuilder();
            for (String field : givenFields) {
                switch (field) {
                    case "display_name" -> merged.displayName(given.displayName());
                    case "form_of_address" -> merged.formOfAddress(given.formOfAddress());
                    case "language" -> merged.language(given.language());
                    case "time_zone" -> merged.zone(given.zone());
                    case "phone" -> merged.phone(given.phone());
                    case "email" -> merged.email(given.email());
                    case "company" -> merged.company(given.company());
                    case "birthday" -> merged.birthday(given.birthday());
                    case "tier" -> merged.tier(given.tier());
                    case "tone" -> merged.tone(given.tone());
                    default -> throw new IllegalStateException("not a profile column: " + field);
                }
            }
            return merged.build();
        }
    }

    /** A row read either way: a customer to import, or why not. */
    public sealed interface Row {
        record Valid(ImportedCustomer customer) implements Row {
        }

        record Invalid(Rejection rejection) implements Row {
        }
    }

    /**
     * Reads the header.
     *
     * @throws IllegalArgumentException naming an unknown or repeated column, or a missing display_name
     */
    public static CustomerCsv header(List<String> names) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw new IllegalArgumentException("unknown column \"" + names.get(i).strip() + "\"; the columns are "
                        + String.join(", ", COLUMNS));
            }
            if (positions.put(name, i) != null) {
                throw new IllegalArgumentException("column " + name + " is given twice");
            }
        }
        if (!positions.containsKey("display_name") && !positions.containsKey("id")
                && !positions.containsKey("identities")) {
            throw new IllegalArgumentException("the header needs display_name, id or identities, so rows can be "
                    + "created or found; the columns are " + String.join(", ", COLUMNS));
        }
        return new CustomerCsv(positions);
    }

    /** Validates one record against the header: every cell is checked before anything is stored. */
    public Row read(CsvReader.Record record) {
        if (record.fields().size() != positions.size()) {
            return invalid(record.line(), "row", "has " + record.fields().size() + " fields, the header has "
                    + positions.size());
        }
        Cells cells = new Cells(record);
        try {
            return new Row.Valid(cells.customer());
        } catch (CellError error) {
            return invalid(record.line(), error.field, error.getMessage());
        }
    }

    private static Row invalid(int line, String field, String error) {
        return new Row.Invalid(new Rejection(line, field, error));
    }

    private static final class CellError extends RuntimeException {
        private final String field;

        CellError(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    private final class Cells {
        private final CsvReader.Record record;
        private final Set<String> given = new LinkedHashSet<>();

        Cells(CsvReader.Record record) {
            this.record = record;
        }

        ImportedCustomer customer() {
            Long id = parse("id", text -> {
                long value = Long.parseLong(text);
                if (value < 1) {
                    throw new IllegalArgumentException("an id is a whole number from 1");
                }
                return value;
            });
            CustomerProfile.Builder profile = CustomerProfile.builder();
            profile.displayName(profileCell("display_name"));
            profile.formOfAddress(profileCell("form_of_address"));
            profile.language(parseProfile("language", CustomerCsv::language));
            profile.zone(parseProfile("time_zone", ZoneId::of));
            profile.phone(profileCell("phone"));
            profile.email(profileCell("email"));
            profile.company(profileCell("company"));
            profile.birthday(parseProfile("birthday", CustomerCsv::birthday));
            profile.tier(parseProfile("tier", text -> OpportunityTier.fromCode(text)));
            profile.tone(parseProfile("tone", text -> Tone.valueOf(text.toUpperCase(Locale.ROOT))));
            CustomerProfile built;
            try {
                built = profile.build();
            } catch (IllegalArgumentException invalid) {
                String field = given.stream().filter(name -> invalid.getMessage().startsWith(camel(name)))
                        .findFirst().orElse(invalid.getMessage().startsWith("not an email") ? "email" : "row");
                throw new CellError(field, invalid.getMessage());
            }
            Set<Tag> tags = parse("tags", text -> Arrays.stream(text.split(";")).map(String::strip)
                    .filter(tag -> !tag.isEmpty()).map(Tag::new).collect(Collectors.toCollection(LinkedHashSet::new)));
            Boolean consent = parse("consent", CustomerCsv::yesNo);
            String consentSource = cell("consent_source");
            Instant consentAt = parse("consent_at", Instant::parse);
            if (consent != null && consentSource == null) {
                throw new CellError("consent_source", "say where the customer gave this answer, for example "
                        + "\"shop form 2026\"");
            }
            if (consent == null && (consentSource != null || consentAt != null)) {
                throw new CellError("consent", "give consent (yes or no) with its source and time");
            }
            if (consentSource != null && consentSource.length() > 200) {
                throw new CellError("consent_source", "is longer than 200 characters");
            }
            List<IdentityCell> identities = parse("identities", CustomerCsv::identities);
            if (id == null && !given.contains("display_name") && identities == null) {
                throw new CellError("display_name", "a new customer needs a display_name or an identity");
            }
            return new ImportedCustomer(record.line(), id, built, Set.copyOf(given),
                    tags == null ? Set.of() : tags, consent, consentSource, consentAt,
                    identities == null ? List.of() : identities);
        }

        private String cell(String column) {
            Integer position = positions.get(column);
            if (position == null) {
                return null;
            }
            String value = record.fields().get(position).strip();
            if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0) {
                value = value.substring(1);
            }
            return value.isEmpty() ? null : value;
        }

        private String profileCell(String column) {
            String value = cell(column);
            if (value != null) {
                given.add(column);
            }
            return value;
        }

        private <T> T parseProfile(String column, Parser<T> parser) {
            T value = parse(column, parser);
            if (value != null) {
                given.add(column);
            }
            return value;
        }

        private <T> T parse(String column, Parser<T> parser) {
            String text = cell(column);
            if (text == null) {
                return null;
            }
            try {
                return parser.parse(text);
            } catch (NumberFormatException notANumber) {
                throw new CellError(column, "\"" + text + "\" is not a whole number");
            } catch (DateTimeParseException badTime) {
                throw new CellError(column, "\"" + text + "\" is not a time such as 2026-03-01T09:00:00Z");
            } catch (DateTimeException | IllegalArgumentException invalid) {
                throw new CellError(column, describe(column, text, invalid));
            }
        }
    }

    private static String describe(String column, String text, RuntimeException invalid) {
        return switch (column) {
            case "time_zone" -> "\"" + text + "\" is not a time zone such as Asia/Manila or Europe/Berlin";
            case "tier" -> "\"" + text + "\" is not a tier: high, medium or low";
            case "tone" -> "\"" + text + "\" is not a tone: formal or friendly";
            default -> invalid.getMessage();
        };
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String text);
    }

    private static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static Birthday birthday(String text) {
        Matcher matcher = BIRTHDAY.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a birthday such as 03-21 or 1988-03-21");
        }
        Integer year = matcher.group(1) == null ? null : Integer.valueOf(matcher.group(1));
        return new Birthday(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)), year);
    }

    private static String language(String text) {
        String language = text.toLowerCase(Locale.ROOT);
        if (!Messages.builtInLanguages().contains(language)) {
            throw new IllegalArgumentException("\"" + text + "\" is not a language RetainBot speaks: "
                    + String.join(", ", Messages.builtInLanguages()));
        }
        return language;
    }

    private static Boolean yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1" -> true;
            case "no", "n", "false", "0" -> false;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not yes or no");
        };
    }

    private static List<IdentityCell> identities(String text) {
        List<IdentityCell> identities = new ArrayList<>();
        for (String part : text.split(";")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            Matcher matcher = IDENTITY.matcher(item);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("\"" + item + "\" is not an identity such as telegram:12345 or "
                        + "discord:4711@9001 (user@chat)");
            }
            Platform platform;
            try {
                platform = Platform.fromCode(matcher.group(1));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("\"" + matcher.group(1) + "\" is not a platform: telegram, "
                        + "discord or web");
            }
            String user = matcher.group(2);
            String chat = matcher.group(3) == null ? user : matcher.group(3);
            if (user.length() > 100 || chat.length() > 100) {
                throw new IllegalArgumentException("an identity's user and chat have at most 100 characters");
            }
            identities.add(new IdentityCell(platform, user, chat));
        }
        return identities;
    }

    /** One customer as a CSV record, in the order of {@link #COLUMNS}. */
    public static List<String> format(CustomerPages.Entry entry) {
        Customer customer = entry.customer();
        CustomerProfile profile = customer.profile();
        Birthday birthday = profile.birthday();
        String birthdayCell = birthday == null ? "" : birthday.year() == null
                ? String.format(Locale.ROOT, "%02d-%02d", birthday.month(), birthday.day())
                : String.format(Locale.ROOT, "%04d-%02d-%02d", birthday.year(), birthday.month(), birthday.day());
        return List.of(String.valueOf(customer.id()), profile.displayName(), orEmpty(profile.formOfAddress()),
                profile.language(), profile.zone() == null ? "" : profile.zone().getId(), orEmpty(profile.phone()),
                orEmpty(profile.email()), orEmpty(profile.company()), birthdayCell,
                profile.tier() == null ? "" : profile.tier().code(), profile.tone().name().toLowerCase(Locale.ROOT),
                customer.tags().stream().map(Tag::name).collect(Collectors.joining(";")),
                customer.consent().answered() ? (customer.consent().granted() ? "yes" : "no") : "",
                customer.consent().answered() ? orEmpty(customer.consent().source()) : "",
                customer.consent().answered() ? customer.consent().answeredAt().toString() : "",
                entry.identities().stream().map(CustomerCsv::identityCell).collect(Collectors.joining(";")));
    }

    private static String identityCell(ChannelIdentity identity) {
        String cell = identity.platform().code() + ":" + identity.userId();
        return identity.chatId().equals(identity.userId()) ? cell : cell + "@" + identity.chatId();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /**
     * One CSV line (with CRLF), quoting fields that need it. A text starting with = + - @ (other than a
     * number) gets a leading apostrophe so a spreadsheet does not run it as a formula; import removes it.
     */
    public static String line(List<String> fields) {
        return fields.stream().map(CustomerCsv::quoted).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String quoted(String field) {
        String safe = !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0 && !field.matches("[+-]?[0-9 ().-]+")
                ? "'" + field : field;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
