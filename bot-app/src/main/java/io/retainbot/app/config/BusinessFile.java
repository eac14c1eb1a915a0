package io.retainbot.app.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.BusinessHours;
import io.retainbot.core.business.ClusterRule;
import io.retainbot.core.business.ComplaintCategory;
import io.retainbot.core.business.OpeningSpan;
import io.retainbot.core.business.PromisePolicy;
import io.retainbot.core.business.Referral;
import io.retainbot.core.customer.AccountReviews;
import io.retainbot.core.customer.CheckInCadence;
import io.retainbot.core.customer.CheckIns;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.StageOwner;
import io.retainbot.core.customer.Stages;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.staff.StaffRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the YAML business file (see {@code retainbot.example.yml}). Strict: an unknown key, a wrong
 * type or an impossible value stops start-up with one line naming the key and what is allowed.
 * Sections left out keep the built-in demo business's values.
 */
public final class BusinessFile {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(m|min|h|d)");
    private static final Pattern SPAN = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final Pattern FRACTION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern MONTHS = Pattern.compile("(\\d{1,2})(?:\\s*months?)?");
    private static final Map<String, DayOfWeek> DAYS = days();

    private final Messages catalog;

    /** @param catalog the built-in messages, to check that template keys exist */
    public BusinessFile(Messages catalog) {
        this.catalog = catalog;
    }

    public BusinessConfig read(Path file) {
        String name = "BUSINESS_CONFIG " + file;
        JsonNode root;
        try {
            root = mapper().readTree(Files.readString(file));
        } catch (NoSuchFileException missing) {
            throw new ConfigException(name + " does not exist: point BUSINESS_CONFIG at your business file or unset it");
        } catch (JsonProcessingException malformed) {
            throw new ConfigException(name + " is not valid YAML at line " + malformed.getLocation().getLineNr()
                    + ": " + malformed.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException unreadable) {
            throw new ConfigException(name + " cannot be read: " + unreadable.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return BusinessConfig.defaults();
        }
        return parse(new YamlSection(name, "", root));
    }

    /**
     * The customer stages the file names ({@code stages: {names: [...], afterSales: after-sales}}), or the
     * built-in ones when it names none; the file is checked as by {@link #read}.
     */
    public Stages readStages(Path file) {
        read(file);
        try {
            JsonNode root = mapper().readTree(Files.readString(file));
            if (root == null || root.isMissingNode() || root.isNull()) {
                return Stages.DEFAULT;
            }
            return new YamlSection("BUSINESS_CONFIG " + file, "", root).section("stages").map(BusinessFile::stages)
                    .orElse(Stages.DEFAULT);
        } catch (IOException unreadable) {
            throw new ConfigException("BUSINESS_CONFIG " + file + " cannot be read: " + unreadable.getMessage());
        }
    }

    /**
     * The after-sales check-ins the file names ({@code checkIns: [{after: purchase, days: 3, text:
     * checkin.arrived, at: "10:00", name: purchase-3d}]}; an empty list for none), or the built-in ones
     * when it names none; the file is checked as by {@link #read}.
     */
    public CheckIns readCheckIns(Path file) {
        return readPart(file, root -> root.has("checkIns") ? checkIns(root) : CheckIns.DEFAULT, CheckIns.DEFAULT);
    }

    private <T> T readPart(Path file, java.util.function.Function<YamlSection, T> part, T fallback) {
        read(file);
        try {
            JsonNode root = mapper().readTree(Files.readString(file));
            if (root == null || root.isMissingNode() || root.isNull()) {
                return fallback;
            }
            return part.apply(new YamlSection("BUSINESS_CONFIG " + file, "", root));
        } catch (IOException unreadable) {
            throw new ConfigException("BUSINESS_CONFIG " + file + " cannot be read: " + unreadable.getMessage());
        }
    }

    /**
     * The cluster rule the file sets ({@code clusters: {complaints: 5, within: 2h}}), or 5 within 2 hours;
     * the file is checked as by {@link #read}.
     */
    public ClusterRule readClusters(Path file) {
        return readPart(file, root -> root.section("clusters").map(BusinessFile::clusters).orElse(ClusterRule.DEFAULT),
                ClusterRule.DEFAULT);
    }

    static ClusterRule clusters(YamlSection section) {
        section.allowOnly("complaints", "within");
        ClusterRule defaults = ClusterRule.DEFAULT;
        int complaints = defaults.complaints();
        Optional<String> count = section.text("complaints");
        if (count.isPresent()) {
            try {
                complaints = Integer.parseInt(count.get());
            } catch (NumberFormatException notANumber) {
                throw section.error(section.child("complaints"), "must be a whole number from 2 to 1000, was \""
                        + count.get() + "\"");
            }
        }
        Duration within = section.text("within").map(text -> duration(section, "within", text)).orElse(defaults.within());
        try {
            return new ClusterRule(complaints, within);
        } catch (IllegalArgumentException impossible) {
            throw section.problem(impossible.getMessage());
        }
    }

    /**
     * How accounts are reviewed ({@code reviews: {every: {high: 3, medium: 6, low: 12}, askCustomer: false,
     * weeklyList: {day: monday, at: "09:00"}}}, intervals in months), or the built-in way when the file
     * names none; the file is checked as by {@link #read}.
     */
    public AccountReviews readReviews(Path file) {
        return readPart(file, root -> root.section("reviews").map(BusinessFile::reviews).orElse(AccountReviews.DEFAULT),
                AccountReviews.DEFAULT);
    }

    static AccountReviews reviews(YamlSection section) {
        section.allowOnly("every", "askCustomer", "weeklyList");
        AccountReviews defaults = AccountReviews.DEFAULT;
        Map<OpportunityTier, Period> intervals = new EnumMap<>(OpportunityTier.class);
        intervals.putAll(defaults.intervals());
        Optional<YamlSection> every = section.section("every");
        if (every.isPresent()) {
            every.get().allowOnly("high", "medium", "low");
            for (OpportunityTier tier : OpportunityTier.values()) {
                every.get().text(tier.code()).ifPresent(months -> intervals.put(tier, months(every.get(), tier.code(),
                        months)));
            }
        }
        String asking = section.choice("askCustomer").orElse(String.valueOf(defaults.askCustomer()));
        if (!List.of("true", "false", "on-request").contains(asking)) {
            throw section.error(section.child("askCustomer"), "must be true (the bot asks everyone whose review is "
                    + "due), false (never) or on-request (those staff choose with \"Ask the bot\"), was \"" + asking
                    + "\"");
        }
        boolean ask = asking.equals("true");
        DayOfWeek day = defaults.listDay();
        LocalTime at = defaults.listTime();
        Optional<YamlSection> weekly = section.section("weeklyList");
        if (weekly.isPresent()) {
            weekly.get().allowOnly("day", "at");
            Optional<String> named = weekly.get().text("day");
            if (named.isPresent()) {
                day = DAYS.get(named.get().toLowerCase(Locale.ROOT));
                if (day == null) {
                    throw weekly.get().error(weekly.get().child("day"), "must be a day of the week such as monday, was \""
                            + named.get() + "\"");
                }
            }
            at = weekly.get().text("at").map(time -> timeOfDay(weekly.get(), "at", time)).orElse(at);
        }
        try {
            return new AccountReviews(intervals, ask, day, at, ask || asking.equals("on-request"));
        } catch (IllegalArgumentException impossible) {
            throw section.problem(impossible.getMessage());
        }
    }

    private static Period months(YamlSection section, String key, String value) {
        Matcher matcher = MONTHS.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            int months = Integer.parseInt(matcher.group(1));
            if (months >= 1 && months <= 60) {
                return Period.ofMonths(months);
            }
        }
        throw section.error(section.child(key), "must be a number of months from 1 to 60 (for example 3 or "
                + "\"3 months\"), was \"" + value + "\"");
    }

    static CheckIns checkIns(YamlSection root) {
        List<CheckInCadence> cadences = new ArrayList<>();
        for (YamlSection item : root.sectionList("checkIns")) {
            item.allowOnly("name", "after", "days", "at", "text");
            CheckInCadence.After after;
            try {
                after = CheckInCadence.After.fromCode(item.requiredText("after"));
            } catch (IllegalArgumentException unknown) {
                throw item.error(item.child("after"), "must be purchase or resolved-complaint");
            }
            String daysText = item.requiredText("days");
            int days;
            try {
                days = Integer.parseInt(daysText);
            } catch (NumberFormatException notANumber) {
                throw item.error(item.child("days"), "must be a whole number of days from 1 to "
                        + CheckInCadence.MAX_DAYS + ", was \"" + daysText + "\"");
            }
            LocalTime at = item.text("at").map(time -> timeOfDay(item, "at", time)).orElse(CheckInCadence.DEFAULT_TIME);
            String text = item.text("text").orElse(after == CheckInCadence.After.PURCHASE
                    ? (days <= 7 ? "checkin.arrived" : "checkin.how_is_it") : "checkin.still_fine");
            String name = item.text("name").orElse(after.code() + "-" + days + "d");
            try {
                cadences.add(new CheckInCadence(name, after, days, at, text));
            } catch (IllegalArgumentException impossible) {
                throw item.problem(impossible.getMessage());
            }
        }
        try {
            return new CheckIns(cadences);
        } catch (IllegalArgumentException impossible) {
            throw root.error("checkIns", "must name each check-in once: " + impossible.getMessage());
        }
    }

    private static LocalTime timeOfDay(YamlSection section, String key, String time) {
        try {
            return LocalTime.parse(time.length() == 4 ? "0" + time : time);
        } catch (DateTimeParseException notATime) {
            throw section.error(section.child(key), "must be a time of day like 10:00, was \"" + time + "\"");
        }
    }

    static Stages stages(YamlSection section) {
        section.allowOnly("names", "afterSales", "owners");
        List<String> names = section.has("names") ? section.textList("names") : Stages.DEFAULT.names();
        String afterSales = section.text("afterSales").orElse(names.get(names.size() - 1));
        Map<String, StageOwner> owners = new LinkedHashMap<>();
        section.section("owners").ifPresent(all -> all.sections().forEach((stage, owner) -> {
            if (!names.contains(stage)) {
                throw all.error(all.child(stage), "is not among the stages " + String.join(", ", names));
            }
            owners.put(stage, stageOwner(owner));
        }));
        try {
            return new Stages(names, afterSales, owners);
        } catch (IllegalArgumentException impossible) {
            throw section.problem(impossible.getMessage());
        }
    }

    /** {@code {staff: [3, 4]}} (staff ids) or {@code {role: agent}}. */
    private static StageOwner stageOwner(YamlSection owner) {
        owner.allowOnly("staff", "role");
        if (owner.has("staff") == owner.has("role")) {
            throw owner.problem("names either staff (a list of staff ids, for example [3, 4]) or a role (agent, "
                    + "supervisor, marketer or admin)");
        }
        if (owner.has("role")) {
            String role = owner.requiredText("role");
            return StageOwner.of(Arrays.stream(StaffRole.values()).filter(each -> each.code().equals(
                    role.toLowerCase(Locale.ROOT))).findFirst().orElseThrow(() -> owner.error(owner.child("role"),
                    "must be agent, supervisor, marketer or admin, was \"" + role + "\"")));
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String id : owner.textList("staff")) {
            if (!id.matches("[1-9][0-9]{0,17}")) {
                throw owner.error(owner.child("staff"), "must list staff ids (positive whole numbers, as GET /api/staff "
                        + "shows them), was \"" + id + "\"");
            }
            ids.add(Long.parseLong(id));
        }
        if (ids.isEmpty()) {
            throw owner.error(owner.child("staff"), "must list at least one staff id");
        }
        return StageOwner.listed(ids);
    }

    BusinessConfig parse(YamlSection root) {
        root.allowOnly("company", "timeZone", "tone", "hours", "holidays", "categories", "promise", "referrals",
                "templates", "stages", "checkIns", "reviews", "clusters");
        root.section("clusters").ifPresent(BusinessFile::clusters);
        root.section("reviews").ifPresent(BusinessFile::reviews);
        root.section("stages").ifPresent(BusinessFile::stages);
        if (root.has("checkIns")) {
            checkIns(root);
        }
        BusinessConfig defaults = BusinessConfig.defaults();
        String company = root.text("company").orElse(defaults.companyName());
        ZoneId zone = root.text("timeZone").map(id -> zone(root, id)).orElse(defaults.zone());
        Tone tone = root.text("tone").map(name -> tone(root, name)).orElse(defaults.defaultTone());
        BusinessHours hours = root.section("hours").map(BusinessFile::hours).orElse(defaults.hours());
        Set<LocalDate> holidays = root.has("holidays") ? holidays(root) : defaults.holidays();
        List<ComplaintCategory> categories = root.has("categories") ? categories(root) : defaults.categories();
        PromisePolicy promise = root.section("promise").map(BusinessFile::promise).orElse(defaults.promise());
        List<Referral> referrals = referrals(root, categories);
        Map<String, Map<String, String>> templates = root.section("templates").map(this::templates).orElse(Map.of());
        return new BusinessConfig(company, zone, hours, holidays, categories, promise, referrals, templates, tone);
    }

    private static Tone tone(YamlSection root, String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "formal" -> Tone.FORMAL;
            case "friendly" -> Tone.FRIENDLY;
            default -> throw root.error("tone", "must be formal or friendly; was \"" + name + "\"");
        };
    }

    private static ZoneId zone(YamlSection root, String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException unknown) {
            throw root.error("timeZone", "is not a time zone: \"" + id + "\"; use a region id such as Asia/Seoul, "
                    + "Asia/Manila or Europe/Berlin");
        }
    }

    private static BusinessHours hours(YamlSection section) {
        section.allowOnly(DAYS.keySet().toArray(String[]::new));
        Map<DayOfWeek, List<OpeningSpan>> week = new EnumMap<>(DayOfWeek.class);
        for (String day : section.keys()) {
            List<OpeningSpan> spans = new ArrayList<>();
            for (String span : section.textList(day)) {
                if (!span.equalsIgnoreCase("closed")) {
                    spans.add(span(section, day, span));
                }
            }
            week.put(DAYS.get(day), spans);
        }
        try {
            return new BusinessHours(week);
        } catch (IllegalArgumentException impossible) {
            throw section.problem(impossible.getMessage());
        }
    }

    private static OpeningSpan span(YamlSection section, String day, String text) {
        Matcher matcher = SPAN.matcher(text);
        String problem = "must be opening spans like \"09:00-18:00\", a list of them, or closed; was \"" + text + "\"";
        if (!matcher.matches()) {
            throw section.error(section.child(day), problem);
        }
        try {
            return new OpeningSpan(time(matcher.group(1)), time(matcher.group(2)));
        } catch (DateTimeParseException | IllegalArgumentException impossible) {
            throw section.error(section.child(day), problem);
        }
    }

    private static LocalTime time(String text) {
        return LocalTime.parse(text.length() == 4 ? "0" + text : text);
    }

    private static Set<LocalDate> holidays(YamlSection root) {
        Set<LocalDate> holidays = new HashSet<>();
        List<String> dates = root.textList("holidays");
        for (int i = 0; i < dates.size(); i++) {
            try {
                holidays.add(LocalDate.parse(dates.get(i)));
            } catch (DateTimeParseException notADate) {
                throw root.error("holidays[" + i + "]", "must be a date like 2026-12-25, was \"" + dates.get(i) + "\"");
            }
        }
        return holidays;
    }

    private static List<ComplaintCategory> categories(YamlSection root) {
        List<ComplaintCategory> categories = new ArrayList<>();
        for (YamlSection item : root.sectionList("categories")) {
            item.allowOnly("id", "labels", "target", "resolutionTarget");
            String id = item.requiredText("id");
            Map<String, String> labels = item.texts("labels");
            checkLanguages(item, "labels", labels.keySet());
            if (!labels.containsKey("en")) {
                throw item.error(item.child("labels"), "needs at least an English label (en)");
            }
            Duration target = duration(item, "target", item.requiredText("target"));
            Duration resolution = item.has("resolutionTarget")
                    ? duration(item, "resolutionTarget", item.requiredText("resolutionTarget")) : null;
            try {
                categories.add(new ComplaintCategory(id, labels, target, resolution));
            } catch (IllegalArgumentException impossible) {
                throw item.error(item.child("id"), impossible.getMessage());
            }
        }
        if (categories.isEmpty()) {
            throw root.error("categories", "must list at least one complaint category");
        }
        Set<String> ids = new HashSet<>();
        for (ComplaintCategory category : categories) {
            if (!ids.add(category.id())) {
                throw root.error("categories", "use the id \"" + category.id() + "\" twice; ids must be unique");
            }
        }
        return categories;
    }

    private static PromisePolicy promise(YamlSection section) {
        section.allowOnly("margin", "roundTo");
        PromisePolicy standard = PromisePolicy.standard();
        double margin = section.text("margin").map(text -> margin(section, text)).orElse(standard.margin());
        Duration roundTo = section.text("roundTo").map(text -> duration(section, "roundTo", text))
                .orElse(standard.roundTo());
        try {
            return new PromisePolicy(margin, roundTo);
        } catch (IllegalArgumentException impossible) {
            throw section.error(section.child(margin < 1.0 || margin > 10.0 ? "margin" : "roundTo"),
                    impossible.getMessage().replace("promise ", "") + " (margin 1 to 10, e.g. 4/3; roundTo e.g. 15m, 30m, 1h)");
        }
    }

    private static double margin(YamlSection section, String text) {
        Matcher fraction = FRACTION.matcher(text);
        try {
            double margin = fraction.matches()
                    ? Double.parseDouble(fraction.group(1)) / Double.parseDouble(fraction.group(2))
                    : Double.parseDouble(text);
            if (margin >= 1.0 && margin <= 10.0) {
                return margin;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw section.error(section.child("margin"), "must be a number from 1 to 10 or a fraction like 4/3, was \""
                + text + "\"");
    }

    private static List<Referral> referrals(YamlSection root, List<ComplaintCategory> categories) {
        List<Referral> referrals = new ArrayList<>();
        Set<String> categoryIds = new HashSet<>();
        categories.forEach(category -> categoryIds.add(category.id()));
        for (YamlSection item : root.sectionList("referrals")) {
            item.allowOnly("id", "name", "contact", "description", "categories");
            Map<String, String> name = item.texts("name");
            checkLanguages(item, "name", name.keySet());
            Map<String, String> description = item.texts("description");
            checkLanguages(item, "description", description.keySet());
            List<String> suits = item.textList("categories");
            for (String category : suits) {
                if (!categoryIds.contains(category)) {
                    throw item.error(item.child("categories"), "names the unknown category \"" + category
                            + "\"; known: " + String.join(", ", categoryIds));
                }
            }
            try {
                referrals.add(new Referral(item.requiredText("id"), name, item.requiredText("contact"), description,
                        suits));
            } catch (IllegalArgumentException impossible) {
                throw item.error(item.child("id"), impossible.getMessage());
            }
        }
        return referrals;
    }

    private Map<String, Map<String, String>> templates(YamlSection section) {
        Map<String, Map<String, String>> templates = new LinkedHashMap<>();
        for (Map.Entry<String, YamlSection> language : section.sections().entrySet()) {
            checkLanguages(section, "", Set.of(language.getKey()));
            Map<String, String> texts = new LinkedHashMap<>();
            for (String key : language.getValue().keys()) {
                if (!catalog.keys().contains(key) && !catalog.keys().contains(key + ".formal")) {
                    throw language.getValue().error(language.getValue().child(key),
                            "is not a message key; the keys are those of i18n/messages_en.properties");
                }
                texts.put(key, language.getValue().requiredText(key));
            }
            templates.put(language.getKey(), texts);
        }
        return templates;
    }

    private static void checkLanguages(YamlSection section, String key, Set<String> languages) {
        for (String language : languages) {
            if (!LANGUAGE.matcher(language).matches()) {
                throw section.error(key.isEmpty() ? section.child(language) : section.child(key) + "." + language,
                        "is not a language code; use two or three lower-case letters such as en, ko, tl");
            }
        }
    }

    private static Duration duration(YamlSection section, String key, String text) {
        Matcher matcher = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            Duration duration = switch (matcher.group(2)) {
                case "m", "min" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            if (!duration.isZero() && duration.compareTo(Duration.ofDays(365)) <= 0) {
                return duration;
            }
        }
        throw section.error(section.child(key), "must be a duration like 30m, 18h or 2d (more than zero, at most 365d); was \""
                + text + "\"");
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private static Map<String, DayOfWeek> days() {
        Map<String, DayOfWeek> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day.name().toLowerCase(Locale.ROOT), day);
        }
        return days;
    }
}
