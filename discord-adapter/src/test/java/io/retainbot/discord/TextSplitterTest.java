package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {
    @Test
    void keepsShortTextWhole() {
        assertThat(TextSplitter.split("Hello", 2000)).containsExactly("Hello");
    }

    @Test
    void cutsAtParagraphsFirst() {
        String first = "a".repeat(1200);
        String second = "b".repeat(1200);

        assertThat(TextSplitter.split(first + "\n\n" + second, 2000)).containsExactly(first, second);
    }

    @Test
    void neverCutsInsideSurrogatePair() {
        String emoji = "😀".repeat(1500);

        List<String> parts = TextSplitter.split(emoji, 2000);

        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(2000);
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
        });
        assertThat(String.join("", parts)).isEqualTo(emoji);
    }
}
