package io.retainbot.console;

import io.retainbot.core.i18n.KoreanParticles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The console's own catalog ({@code console/messages_<language>.properties}): English, Korean and Tagalog,
 * each complete (a test checks); a language the console does not speak is answered in English. {@code {0}}, {@code {1}} ... in a text
 * are filled with the arguments in order.
 */
public final class ConsoleTexts {
    public static final List<String> LANGUAGES = List.of("en", "ko", "tl");
    public static final String FALLBACK = "en";

    private final Map<String, Properties> catalogs = new LinkedHashMap<>();

    private ConsoleTexts() {
        for (String language : LANGUAGES) {
            catalogs.put(language, load(language));
        }
    }

    public static ConsoleTexts builtIn() {
        return new ConsoleTexts();
    }

    /** The keys of one language's catalog, for checking that the catalogs agree. */
    /** The suffix of a key's singular variant, for the languages that need one. */
    public static final String SINGULAR = ".one";

    public java.util.Set<String> keys(String language) {
        return catalogs.get(language).stringPropertyNames();
    }

    /** The raw text of a key in one language, null when that catalog lacks it. */
    public String raw(String language, String key) {
        return catalogs.get(language).getProperty(key);
    }

    /** The texts in {@code language} (en when it is not one of ours). */
    public In in(String language) {
        return new In(LANGUAGES.contains(language) ? language : FALLBACK);
    }

    /** The first of the browser's languages (an Accept-Language header) that the console speaks, else English. */
    public static String languageFor(String acceptLanguage) {
        if (acceptLanguage == null) {
            return FALLBACK;
        }
        for (String part : acceptLanguage.split(",")) {
            String tag = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
            String primary = tag.split("-")[0];
            if (primary.equals("fil")) {
                primary = "tl";
            }
            if (LANGUAGES.contains(primary)) {
                return primary;
            }
        }
        return FALLBACK;
    }

    /** The texts of one language. */
    public final class In {
        private final String language;

        private In(String language) {
            this.language = language;
        }

        public String language() {
            return language;
        }

        /**
         * The text of {@code key} with its arguments filled in. A key with a singular variant ({@code key.one}, in
         * a language whose nouns change with the number: "1 customer", "2 customers") counts its first argument, and
         * the variant is used when that is 1. Korean particles written in both forms ({@code {0}(으)로}) are fitted
         * to the word before them.
         */
        public String get(String key, Object... args) {
            String text = null;
            if (args.length > 0 && args[0] instanceof Number count && count.longValue() == 1
                    && count.doubleValue() == 1) {
                text = catalogs.get(language).getProperty(key + SINGULAR);
            }
            if (text == null) {
                text = catalogs.get(language).getProperty(key);
            }
            if (text == null) {
                text = catalogs.get(FALLBACK).getProperty(key);
            }
            if (text == null) {
                throw new IllegalArgumentException("no console text " + key);
            }
            for (int i = 0; i < args.length; i++) {
                text = text.replace("{" + i + "}", String.valueOf(args[i]));
            }
            return language.equals("ko") ? KoreanParticles.fit(text) : text;
        }
    }

    private static Properties load(String language) {
        String resource = "console/messages_" + language + ".properties";
        Properties properties = new Properties();
        try (InputStream in = ConsoleTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the console catalog " + resource + " is missing");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return properties;
    }
}
