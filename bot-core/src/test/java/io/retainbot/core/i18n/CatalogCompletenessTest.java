package io.retainbot.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.ibm.icu.text.MessagePattern;
import io.retainbot.core.customer.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CatalogCompletenessTest {
    private final Messages messages = Messages.builtIn();

    @Test
    void offersEnglishFirstThenEveryOtherCatalog() {
        assertThat(messages.languages()).containsExactly("en", "ko", "tl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "tl"})
    void hasEveryEnglishKey(String language) {
        assertThat(messages.missingIn(language)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "tl"})
    void usesTheSameArgumentsAsEnglish(String language) {
        for (String key : messages.keys()) {
            assertThat(arguments(messages.rawPattern(language, key)))
                    .as("arguments of %s in %s", key, language)
                    .isEqualTo(arguments(messages.rawPattern("en", key)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "tl"})
    void formatsEveryMessageInBothTones(String language) {
        for (String key : messages.keys()) {
            for (Tone tone : Tone.values()) {
                assertThatCode(() -> messages.in(language, tone).get(key, "name", "Ana", "count", 2, "ref", "C-1042"))
                        .as("%s in %s", key, language)
                        .doesNotThrowAnyException();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "tl"})
    void hasNoKeyEnglishLacks(String language) {
        assertThat(messages.keysOf(language)).isSubsetOf(messages.keys());
    }

    @Test
    void everyTextHasAFriendlyVariantUnlessReviewedAsToneNeutral() {
        Set<String> neutral = Messages.toneNeutralKeys();
        for (String language : messages.languages()) {
            Set<String> keys = messages.keysOf(language);
            for (String key : plainKeys()) {
                if (neutral.contains(key)) {
                    assertThat(keys).as("%s is tone-neutral, so %s has no friendly variant of it", key, language)
                            .doesNotContain(key + Messages.FRIENDLY);
                } else {
                    assertThat(keys).as("friendly variant of %s in %s (or list it in tone-neutral-keys.txt)", key, language)
                            .contains(key + Messages.FRIENDLY);
                }
            }
        }
    }

    @Test
    void listsOnlyExistingKeysAsToneNeutral() {
        assertThat(plainKeys()).containsAll(Messages.toneNeutralKeys());
    }

    @Test
    void everyFriendlyVariantBelongsToAText() {
        for (String key : messages.keys()) {
            if (key.endsWith(Messages.FRIENDLY)) {
                assertThat(messages.keys()).as("the formal text of %s", key)
                        .contains(key.substring(0, key.length() - Messages.FRIENDLY.length()));
            }
        }
    }

    @Test
    void formalKoreanEndsNoSentenceInYo() {
        assertThat(slips("ko", Tone.FORMAL, Pattern.compile("요(?:[.!?:~…]+|\\s*(?:\\n|$))"))).isEmpty();
    }

    @Test
    void friendlyKoreanUsesNoHamnidaEndings() {
        assertThat(slips("ko", Tone.FRIENDLY, Pattern.compile("(?:니다|니까|십시오)(?:[.!?:~…]+|\\s*(?:\\n|$))"))).isEmpty();
    }

    @Test
    void formalTagalogNeverSaysKaOrMo() {
        assertThat(slips("tl", Tone.FORMAL,
                Pattern.compile("(?i)\\b(?:ka|kang|mo|mong|ikaw|iyo|iyong|kita)\\b"))).isEmpty();
    }

    @Test
    void friendlyTagalogNeverSaysPoOrNinyo() {
        assertThat(slips("tl", Tone.FRIENDLY,
                Pattern.compile("(?i)\\b(?:po|pong|opo|ninyo|ninyong|inyo|inyong|kayo|kayong)\\b"))).isEmpty();
    }

    @Test
    void formalKoreanSpeaksHamnidaInEveryText() {
        assertThat(missing("ko", Tone.FORMAL, Pattern.compile("니다|니까|십시오"))).isEmpty();
    }

    @Test
    void friendlyKoreanSpeaksHaeyoInEveryText() {
        assertThat(missing("ko", Tone.FRIENDLY, Pattern.compile("요"))).isEmpty();
    }

    @Test
    void formalTagalogIsPoliteInEveryText() {
        assertThat(missing("tl", Tone.FORMAL,
                Pattern.compile("(?i)\\b(?:po|pong|opo|ninyo|ninyong|inyo|inyong|kayo|kayong)\\b"))).isEmpty();
    }

    /** "Isulat ninyo ..." reads as an order; a polite request says "Isulat po ninyo ..." ("Maaari ninyo": you may). */
    @Test
    void formalTagalogAsksWithPo() {
        assertThat(slips("tl", Tone.FORMAL, Pattern.compile(
                "(?iU)(?:^|[.?!]\\s+|,\\s+o\\s+)(?!maaari\\b|puwede\\b|pwede\\b)\\w+ (?:ninyo|kayo)\\b"))).isEmpty();
    }

    @Test
    void formalEnglishWritesWordsOut() {
        assertThat(slips("en", Tone.FORMAL,
                Pattern.compile("(?i)n't\\b|\\b(?:i'm|you're|we're|they're|i'll|you'll|we'll|they'll|i've|we've|you've"
                        + "|it's|that's|here's|what's|there's|let's)\\b"))).isEmpty();
    }

    @Test
    void tagalogUsesOneVerbForFilingAComplaint() {
        Pattern otherVerbs = Pattern.compile(
                "(?i)\\b(?:magsampa|nagsampa|isampa|isumite|isinumite|naisumite|magsumite|magreklamo|nagreklamo)\\b");
        for (String key : messages.keysOf("tl")) {
            assertThat(messages.rawPattern("tl", key)).as("tl %s", key).doesNotContainPattern(otherVerbs);
        }
        assertThat(messages.rawPattern("tl", "menu.complaint")).containsIgnoringCase("mag-file");
    }

    @Test
    void readsFilipinoAsTagalogAndUnknownAsEnglish() {
        assertThat(messages.languageFor("fil-PH")).isEqualTo("tl");
        assertThat(messages.languageFor("ko_KR")).isEqualTo("ko");
        assertThat(messages.languageFor("xx")).isEqualTo("en");
        assertThat(messages.languageFor("")).isEqualTo("en");
    }

    @Test
    void letsTheBusinessOverrideAText() {
        Messages overridden = Messages.load(Map.of("en", Map.of("error.sorry", "Oops, {company} tripped.")));

        assertThat(overridden.in("en", Tone.FORMAL).get("error.sorry", "company", "Demo Shop"))
                .isEqualTo("Oops, Demo Shop tripped.");
    }

    private Set<String> plainKeys() {
        Set<String> plain = new TreeSet<>(messages.keys());
        plain.removeIf(key -> key.endsWith(Messages.FRIENDLY));
        return plain;
    }

    /**
     * The texts a customer in {@code tone} can see in {@code language} (tone-neutral ones included)
     * that match {@code slip}; ICU braces count as sentence boundaries.
     */
    private List<String> slips(String language, Tone tone, Pattern slip) {
        List<String> found = new ArrayList<>();
        for (String key : plainKeys()) {
            String shown = tone == Tone.FRIENDLY && messages.keysOf(language).contains(key + Messages.FRIENDLY)
                    ? key + Messages.FRIENDLY : key;
            String text = messages.rawPattern(language, shown);
            if (text != null && slip.matcher(text.replace('{', '\n').replace('}', '\n')).find()) {
                found.add(shown + "=" + text);
            }
        }
        return found;
    }

    /**
     * The texts written for {@code tone} in {@code language} (tone-neutral ones left out, they are
     * names and labels) that lack {@code register}, the mark of that tone.
     */
    private List<String> missing(String language, Tone tone, Pattern register) {
        Set<String> neutral = Messages.toneNeutralKeys();
        List<String> found = new ArrayList<>();
        for (String key : plainKeys()) {
            if (neutral.contains(key)) {
                continue;
            }
            String shown = tone == Tone.FRIENDLY ? key + Messages.FRIENDLY : key;
            String text = messages.rawPattern(language, shown);
            if (text != null && !register.matcher(text).find()) {
                found.add(shown + "=" + text);
            }
        }
        return found;
    }

    private static Set<String> arguments(String pattern) {
        Set<String> names = new TreeSet<>();
        if (pattern == null) {
            return names;
        }
        MessagePattern parsed = new MessagePattern(pattern);
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(parsed.getSubstring(part));
            }
        }
        return names;
    }
}
