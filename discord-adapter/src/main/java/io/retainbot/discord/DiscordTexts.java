package io.retainbot.discord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import java.util.stream.Collectors;

/**
 * The few texts only the Discord adapter shows (an apology for an interaction it could not hand to
 * the engine), per language, from {@code discord/texts_<language>.properties}; English fills gaps.
 */
final class DiscordTexts {
    static final List<String> LANGUAGES = List.of("en", "ko", "tl");
    private static final String FALLBACK = "en";

    private final Map<String, Properties> byLanguage;

    private DiscordTexts(Map<String, Properties> byLanguage) {
        this.byLanguage = byLanguage;
    }

    static DiscordTexts load() {
        return new DiscordTexts(LANGUAGES.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                DiscordTexts::read)));
    }

    /** The language of a Discord client locale when we speak it ({@code en-GB} is {@code en}), else English. */
    String languageOf(DiscordLocale locale) {
        String primary = locale == null ? FALLBACK : locale.getLocale().split("-")[0].toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(primary) ? primary : FALLBACK;
    }

    String get(String language, String key) {
        return find(language, key).or(() -> find(FALLBACK, key))
                .orElseThrow(() -> new IllegalStateException("missing Discord text " + key));
    }

    /** The text in exactly {@code language}, without falling back to English. */
    Optional<String> find(String language, String key) {
        Properties texts = byLanguage.get(language);
        return texts == null ? Optional.empty() : Optional.ofNullable(texts.getProperty(key));
    }

    private static Properties read(String language) {
        String path = "/discord/texts_" + language + ".properties";
        try (InputStream in = DiscordTexts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            Properties texts = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                texts.load(reader);
            }
            return texts;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + path, unreadable);
        }
    }
}
