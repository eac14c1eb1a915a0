package io.retainbot.core.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into parts a platform accepts, at the best boundary that fits: a blank line, else a
 * line break, else a sentence end, else a space, else (a very long word) anywhere but inside a
 * surrogate pair.
 */
public final class TextParts {
    private TextParts() {
    }

    public static List<String> split(String text, int limit) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int cut = boundary(rest, limit);
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private static int boundary(String text, int limit) {
        String window = text.substring(0, limit + 1);
        int minimum = limit / 2;
        for (String separator : new String[] {"\n\n", "\n", ". ", "! ", "? ", "。", " "}) {
            int at = window.lastIndexOf(separator);
            if (at >= minimum) {
                return Math.min(at + separator.length(), limit);
            }
        }
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }
}
