package io.retainbot.core.complaint;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A complaint's words as symptoms are looked for in them: case, width and spacing do not matter. A
 * symptom must start at a word's start ("heat" is not found in "preheat"); it may end inside a word
 * only where the language glues endings on (Korean particles: "전원" is found in "전원이"), so
 * "charge" is not found in "charger" but is in "charge.".
 */
final class SymptomText {
    private final String text;

    SymptomText(String text) {
        this.text = normal(text);
    }

    boolean mentions(String symptom) {
        String wanted = normal(symptom);
        if (wanted.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
            boolean starts = at == 0 || !Character.isLetterOrDigit(text.codePointBefore(at));
            int end = at + wanted.length();
            boolean ends = end == text.length() || !Character.isLetterOrDigit(text.codePointAt(end))
                    || gluesEndings(wanted.codePointBefore(wanted.length()));
            if (starts && ends) {
                return true;
            }
        }
        return false;
    }

    private static boolean gluesEndings(int lastCodePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(lastCodePoint);
        return script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }

    private static String normal(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("\\s+", " ").strip();
    }
}
