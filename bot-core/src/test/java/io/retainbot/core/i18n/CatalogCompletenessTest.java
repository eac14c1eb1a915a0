package io.retainbot.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.ibm.icu.text.MessagePattern;
import io.retainbot.core.customer.Tone;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
