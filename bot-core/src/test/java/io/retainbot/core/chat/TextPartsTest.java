package io.retainbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextPartsTest {
    @Test
    void keepsAShortTextWhole() {
        assertThat(TextParts.split("Hello", 4096)).containsExactly("Hello");
    }

    @Test
    void splitsAtParagraphsFirst() {
        String first = "a".repeat(3000);
        String second = "b".repeat(3000);

        assertThat(TextParts.split(first + "\n\n" + second, 4096)).containsExactly(first, second);
    }

    @Test
    void splitsAtSpacesWhenThereAreNoLines() {
        String text = "word ".repeat(2000).strip();

        List<String> parts = TextParts.split(text, 4096);

        assertThat(parts).allSatisfy(part -> assertThat(part).hasSizeLessThanOrEqualTo(4096).doesNotStartWith(" ")
                .endsWith("word"));
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void neverCutsAnEmojiInHalf() {
        String text = "x".repeat(4095) + "😀" + "y";

        List<String> parts = TextParts.split(text, 4096);

        assertThat(parts).hasSize(2);
        assertThat(parts.get(1)).startsWith("😀");
    }
}
