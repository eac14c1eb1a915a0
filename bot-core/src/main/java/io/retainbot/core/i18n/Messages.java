package io.retainbot.core.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import io.retainbot.core.RetainBotException;
import io.retainbot.core.customer.Tone;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * All customer-facing texts. A lookup tries, in order: the business's override and then the
 * built-in catalog, each first with the tone variant ({@code key.friendly} or {@code key.formal})
 * and then the plain key, first in the wanted language and then in English. Thread-safe; compiled
 * formats are cached. Korean particles written in both forms ({@code {ref}이(가)}) are fitted to the word
 * before them once the text is formatted ({@link KoreanParticles}).
 */
public final class Messages {
    public static final String FALLBACK = "en";
    /** The suffix of a key's friendly variant; the plain key is the formal text. */
    public static final String FRIENDLY = ".friendly";
    private static final String TONE_NEUTRAL_KEYS = "i18n/tone-neutral-keys.txt";

    private final List<String> languages;
    private final Map<String, Map<String, String>> catalogs;
    private final Map<String, Map<String, String>> overrides;
    private final Map<String, MessageFormat> compiled = new ConcurrentHashMap<>();

    private Messages(Map<String, Map<String, String>> catalogs, Map<String, Map<String, String>> overrides) {
        this.languages = catalogs.keySet().stream()
                .sorted(Comparator.comparing((String language) -> !language.equals(FALLBACK))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        this.catalogs = catalogs;
        this.overrides = overrides;
    }

    /**
     * The built-in catalogs, with the business's overrides (language to key to text) on top. A
     * language is built in when {@code i18n/messages_<code>.properties} is on the classpath for an
     * ISO 639 code, so adding a language is adding one file.
     */
    public static Messages load(Map<String, Map<String, String>> overrides) {
        Map<String, Map<String, String>> catalogs = new HashMap<>();
        for (String language : Locale.getISOLanguages()) {
            read("i18n/messages_" + language + ".properties").ifPresent(catalog -> catalogs.put(language, catalog));
        }
        if (!catalogs.containsKey(FALLBACK)) {
            throw new RetainBotException("the English message catalog i18n/messages_en.properties is missing");
        }
        return new Messages(Map.copyOf(catalogs), Map.copyOf(overrides));
    }

    public static Messages builtIn() {
        return load(Map.of());
    }

    /**
     * The languages of the built-in catalogs, English first: the languages a customer's file may name (an import
     * or an edit naming another is refused, since the bot could not speak it).
     */
    public static List<String> builtInLanguages() {
        return BuiltInLanguages.LANGUAGES;
    }

    /** Read once, when first asked for. */
    private static final class BuiltInLanguages {
        static final List<String> LANGUAGES = builtIn().languages();
    }

    /** The languages customers can choose, in the order offered. */
    public List<String> languages() {
        return languages;
    }

    /** The catalog language closest to a platform's hint: "ko-KR" is ko, "fil" is tl, unknown is English. */
    public String languageFor(String hint) {
        return spokenLanguage(hint).orElse(FALLBACK);
    }

    /** The catalog language a language tag names ("ko-KR" is ko, "fil" is tl); empty when it is not one spoken here. */
    public Optional<String> spokenLanguage(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = tag.trim().replace('_', '-').split("-")[0].toLowerCase(Locale.ROOT);
        if (primary.equals("fil")) {
            primary = "tl";
        }
        return catalogs.containsKey(primary) ? Optional.of(primary) : Optional.empty();
    }

    public boolean isSupported(String language) {
        return catalogs.containsKey(language);
    }

    /** The texts for one language and tone, for a flow to use during one turn. */
    public Texts in(String language, Tone tone) {
        return new Texts(this, isSupported(language) ? language : FALLBACK, tone);
    }

    /** Every key of the English catalog: the complete set every language should have. */
    public Set<String> keys() {
        return catalogs.get(FALLBACK).keySet();
    }

    /**
     * The keys whose text is deliberately the same in both tones (names, statuses, bare button
     * labels), from {@code i18n/tone-neutral-keys.txt}; every other key has a friendly variant.
     */
    public static Set<String> toneNeutralKeys() {
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(TONE_NEUTRAL_KEYS)) {
            if (in == null) {
                throw new RetainBotException("the list of tone-neutral keys " + TONE_NEUTRAL_KEYS + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new RetainBotException("cannot read " + TONE_NEUTRAL_KEYS, e);
        }
    }

    /** Every key of {@code language}'s built-in catalog, variants included. */
    public Set<String> keysOf(String language) {
        return catalogs.getOrDefault(language, Map.of()).keySet();
    }

    /** The keys English has and {@code language}'s built-in catalog lacks. */
    public Set<String> missingIn(String language) {
        Map<String, String> catalog = catalogs.getOrDefault(language, Map.of());
        return keys().stream().filter(key -> !catalog.containsKey(key)).collect(Collectors.toSet());
    }

    /** The built-in pattern of one key in one language, exactly as the catalog has it; null if it has none. */
    String rawPattern(String language, String key) {
        return catalogs.getOrDefault(language, Map.of()).get(key);
    }

    String format(String language, Tone tone, String key, Map<String, Object> args) {
        String pattern = pattern(language, tone, key)
                .or(() -> pattern(FALLBACK, tone, key))
                .orElseThrow(() -> new RetainBotException("no message for key " + key));
        MessageFormat format = compiled.computeIfAbsent(language + "\u0001" + pattern,
                cacheKey -> new MessageFormat(pattern, ULocale.forLanguageTag(language)));
        String text = format.format(args);
        return language.equals("ko") ? KoreanParticles.fit(text) : text;
    }

    private Optional<String> pattern(String language, Tone tone, String key) {
        String variant = key + "." + tone.name().toLowerCase(Locale.ROOT);
        Map<String, String> override = overrides.getOrDefault(language, Map.of());
        Map<String, String> catalog = catalogs.getOrDefault(language, Map.of());
        for (Map<String, String> source : List.of(override, catalog)) {
            String found = source.getOrDefault(variant, source.get(key));
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    private static Optional<Map<String, String>> read(String resource) {
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> catalog = new HashMap<>();
            properties.forEach((key, value) -> catalog.put((String) key, (String) value));
            return Optional.of(Map.copyOf(catalog));
        } catch (IOException e) {
            throw new RetainBotException("cannot read message catalog " + resource, e);
        }
    }
}
