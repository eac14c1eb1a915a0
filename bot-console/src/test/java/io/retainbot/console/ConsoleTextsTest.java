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
        assertThat(keysBut("ko")).isEqualTo(keysBut("en"));
        assertThat(keysBut("tl")).isEqualTo(keysBut("en"));
    }

    @Test
    void everySingularVariantBelongsToACount() {
        for (String language : ConsoleTexts.LANGUAGES) {
            for (String key : texts.keys(language)) {
                if (key.endsWith(ConsoleTexts.SINGULAR)) {
                    String plain = key.substring(0, key.length() - ConsoleTexts.SINGULAR.length());
                    assertThat(texts.raw(language, plain)).as(language + " " + key + " without " + plain)
                            .isNotNull().contains("{0}");
                }
            }
        }
    }

    @Test
    void countsOneInTheSingular() {
        assertThat(texts.in("en").get("segments.audience", 1)).isEqualTo("1 customer");
        assertThat(texts.in("en").get("segments.audience", 1L)).isEqualTo("1 customer");
        assertThat(texts.in("en").get("segments.audience", 0)).isEqualTo("0 customers");
        assertThat(texts.in("en").get("segments.audience", 21)).isEqualTo("21 customers");
        assertThat(texts.in("en").get("templates.offer.days", 1)).isEqualTo("offer code valid 1 day");
        assertThat(texts.in("en").get("exit.intro", 1)).startsWith("1 customer stopped");
        assertThat(texts.in("en").get("segments.recent.summary", 1, 30)).isEqualTo("at least 1 complaint in 30 days");
        assertThat(texts.in("ko").get("segments.audience", 1)).isEqualTo("고객 1명");
        assertThat(texts.in("tl").get("segments.audience", 1)).isEqualTo("1 customer");
    }

    private Set<String> keysBut(String language) {
        Set<String> keys = new TreeSet<>(texts.keys(language));
        keys.removeIf(key -> key.endsWith(ConsoleTexts.SINGULAR));
        return keys;
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
    void fitsKoreanParticlesToTheNameBeforeThem() {
        assertThat(texts.in("ko").get("staff.signs_in_as", "mina@shop.example")).isEqualTo("mina@shop.example로 로그인");
        assertThat(texts.in("ko").get("staff.signs_in_as", "김정훈")).isEqualTo("김정훈으로 로그인");
        assertThat(texts.in("ko").get("form.invalid.date", "내일")).startsWith("\"내일\"은 2026-12-05 같은 날짜가 아닙니다.");
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
