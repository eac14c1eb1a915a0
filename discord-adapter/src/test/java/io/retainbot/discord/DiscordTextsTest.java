package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiscordTextsTest {
    private final DiscordTexts texts = DiscordTexts.load();

    @ParameterizedTest
    @ValueSource(strings = {"ko", "tl"})
    void hasEveryEnglishTextInItsOwnWords(String language) throws IOException {
        Properties english = catalog("en");
        Properties other = catalog(language);

        assertThat(other.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(texts.find(language, key)).as("%s in %s", key, language).get().isNotEqualTo(english.getProperty(key));
        }
    }

    @Test
    void speaksTheLanguageOfTheDiscordClient() {
        assertThat(texts.languageOf(DiscordLocale.KOREAN)).isEqualTo("ko");
        assertThat(texts.languageOf(DiscordLocale.ENGLISH_UK)).isEqualTo("en");
        assertThat(texts.languageOf(DiscordLocale.GERMAN)).isEqualTo("en");
        assertThat(texts.languageOf(null)).isEqualTo("en");
    }

    private static Properties catalog(String language) throws IOException {
        try (InputStream in = DiscordTextsTest.class.getResourceAsStream("/discord/texts_" + language + ".properties")) {
            assertThat(in).as("discord/texts_%s.properties", language).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
