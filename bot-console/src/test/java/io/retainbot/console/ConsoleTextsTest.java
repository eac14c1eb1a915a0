package io.retainbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsoleTextsTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d+}");
    private final ConsoleTexts texts = ConsoleTexts.builtIn();

    @Test
    void englishKoreanAndTagalogHaveTheSameKeys() {
        assertThat(new TreeSet<>(texts.keys("ko"))).isEqualTo(new TreeSet<>(texts.keys("en")));
        assertThat(new TreeSet<>(texts.keys("tl"))).isEqualTo(new TreeSet<>(texts.keys("en")));
    }

    @Test
    void noTranslationIsLeftBlank() {
        for (String language : ConsoleTexts.LANGUAGES) {
            for (String key : texts.keys(language)) {
                assertThat(texts.raw(language, key)).as(language + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void everyTranslationTakesTheSameArguments() {
        for (String language : Set.of("ko", "tl")) {
            for (String key : texts.keys(language)) {
                assertThat(arguments(texts.raw(language, key))).as(language + " " + key)
                        .isEqualTo(arguments(texts.raw("en", key)));
            }
        }
    }

    @Test
    void speaksTagalogOnEveryPage() {
        assertThat(texts.in("tl").get("sign_in.submit")).isEqualTo("Mag-sign in");
        assertThat(texts.in("tl").get("nav.staff")).isEqualTo("Mga account ng staff");
        assertThat(texts.in("tl").get("progress.percent", 100, 40, 40)).isEqualTo("100% tapos (40 sa 40)");
    }

    @Test
    void aLanguageItDoesNotSpeakIsEnglish() {
        assertThat(texts.in("de").language()).isEqualTo("en");
        assertThat(texts.in("de").get("nav.staff")).isEqualTo("Staff accounts");
    }

    @Test
    void fillsArgumentsInOrder() {
        assertThat(texts.in("en").get("sign_in.throttled_for", 8)).isEqualTo(
                "Too many wrong tries. Please try again in 8 seconds.");
    }

    @Test
    void picksTheFirstBrowserLanguageItSpeaks() {
        assertThat(ConsoleTexts.languageFor("ko-KR,ko;q=0.9,en;q=0.8")).isEqualTo("ko");
        assertThat(ConsoleTexts.languageFor("de-DE,fil;q=0.8")).isEqualTo("tl");
        assertThat(ConsoleTexts.languageFor("de-DE")).isEqualTo("en");
        assertThat(ConsoleTexts.languageFor(null)).isEqualTo("en");
    }

    private static Set<String> arguments(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
