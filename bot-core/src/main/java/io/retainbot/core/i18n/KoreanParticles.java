package io.retainbot.core.i18n;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korean particles fitted to the word before them. A Korean catalog writes a particle that depends on a
 * placeholder's last sound in both forms, as Korean software does ({@code {ref}이(가)}, {@code {product}을(를)},
 * {@code {names}(으)로}); once the text is formatted, the form that fits the word is kept: {@code C-1002가},
 * {@code C-1001이}, {@code 전기포트를}, {@code 꽃병 병원으로}, {@code Glue & Co로}. The word's last sound is read
 * from a Hangul syllable's final consonant, a digit as Koreans read it (1002 "천이", 1010 "천십"), a Latin word's
 * ending as it is usually written in Hangul (Shop 숍, Mall 몰, Store 스토어), or an abbreviation's last letter as
 * Koreans spell it out (PDF를, SMS를, QR을, ATM으로, URL로). Closing quotes and brackets between word
 * and particle are skipped. Where the sound cannot be told (an emoji, a Chinese character), both forms stay.
 */
public final class KoreanParticles {
    private static final Pattern BOTH_FORMS = Pattern.compile("이\\(가\\)|가\\(이\\)|을\\(를\\)|를\\(을\\)|은\\(는\\)"
            + "|는\\(은\\)|와\\(과\\)|과\\(와\\)|\\(으\\)로");
    private static final String CLOSING = "\"'”’)]}」』》〉>";

    /** What a word ends in, as far as particles care. */
    enum Ending { VOWEL, CONSONANT, RIEUL, UNKNOWN }

    private KoreanParticles() {
    }

    /** {@code text} with every two-form particle fitted to the word before it. */
    public static String fit(String text) {
        if (text.indexOf('(') < 0) {
            return text;
        }
        Matcher matcher = BOTH_FORMS.matcher(text);
        StringBuilder fitted = new StringBuilder(text.length());
        while (matcher.find()) {
            String particle = chosen(matcher.group(), ending(text, matcher.start()));
            matcher.appendReplacement(fitted, Matcher.quoteReplacement(particle));
        }
        matcher.appendTail(fitted);
        return fitted.toString();
    }

    private static String chosen(String both, Ending ending) {
        if (ending == Ending.UNKNOWN) {
            return both;
        }
        boolean consonant = ending != Ending.VOWEL;
        return switch (both) {
            case "이(가)", "가(이)" -> consonant ? "이" : "가";
            case "을(를)", "를(을)" -> consonant ? "을" : "를";
            case "은(는)", "는(은)" -> consonant ? "은" : "는";
            case "와(과)", "과(와)" -> consonant ? "과" : "와";
            case "(으)로" -> ending == Ending.CONSONANT ? "으로" : "로";
            default -> both;
        };
    }

    /** How the word that ends just before {@code end} ends. */
    static Ending ending(String text, int end) {
        int at = end - 1;
        while (at >= 0 && CLOSING.indexOf(text.charAt(at)) >= 0) {
            at--;
        }
        if (at < 0) {
            return Ending.UNKNOWN;
        }
        char last = text.charAt(at);
        if (last >= '가' && last <= '힣') {
            int finalConsonant = (last - '가') % 28;
            return finalConsonant == 0 ? Ending.VOWEL : finalConsonant == 8 ? Ending.RIEUL : Ending.CONSONANT;
        }
        if (last >= '0' && last <= '9') {
            return digit(last);
        }
        if (isLatin(last)) {
            return latin(text, at);
        }
        return Ending.UNKNOWN;
    }

    /** 영 (and 십, 백, 천, 만 for round numbers), 일, 이, 삼, 사, 오, 육, 칠, 팔, 구. */
    private static Ending digit(char digit) {
        return switch (digit) {
            case '1', '7', '8' -> Ending.RIEUL;
            case '0', '3', '6' -> Ending.CONSONANT;
            default -> Ending.VOWEL;
        };
    }

    /**
     * A Latin word's ending as Hangul usually writes it: m, n and ng end in a consonant (Amazon 아마존, Coupang
     * 쿠팡), l in ㄹ (Mall 몰); p, b, k and t after a vowel (Shop 숍, Club 클럽, Book 북, Market 마켓) or ck (Click 클릭)
     * too; anything else in a vowel (Store 스토어, Center 센터, Express 익스프레스, Mart 마트, Nike 나이키).
     */
    private static Ending latin(String text, int at) {
        if (spelledOut(text, at)) {
            return letterName(text.charAt(at));
        }
        char last = Character.toLowerCase(text.charAt(at));
        char before = at > 0 ? Character.toLowerCase(text.charAt(at - 1)) : ' ';
        return switch (last) {
            case 'l' -> Ending.RIEUL;
            case 'm', 'n' -> Ending.CONSONANT;
            case 'g' -> before == 'n' ? Ending.CONSONANT : Ending.VOWEL;
            case 'p', 'b', 't' -> isVowel(before) ? Ending.CONSONANT : Ending.VOWEL;
            case 'k' -> isVowel(before) || before == 'c' ? Ending.CONSONANT : Ending.VOWEL;
            default -> Ending.VOWEL;
        };
    }

    /**
     * Whether the capitals ending at {@code at} are an abbreviation Koreans read letter by letter (PDF 피디에프,
     * SMS 에스엠에스, QR 큐알, OK 오케이, CCTV): up to three capitals, or capitals without a vowel. Longer capitals
     * with a vowel are read as a word (SHOP 숍, MALL 몰).
     */
    private static boolean spelledOut(String text, int at) {
        int start = at;
        while (start > 0 && isLatin(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start, at + 1);
        if (!word.equals(word.toUpperCase(java.util.Locale.ROOT))) {
            return false;
        }
        return word.length() <= 3 || word.chars().noneMatch(letter -> "AEIOU".indexOf(letter) >= 0);
    }

    /** How a capital's Korean name ends: L 엘 and R 알 in ㄹ, M 엠 and N 엔 in a consonant, the rest (에프, 에스, 큐) in a vowel. */
    private static Ending letterName(char capital) {
        return switch (capital) {
            case 'L', 'R' -> Ending.RIEUL;
            case 'M', 'N' -> Ending.CONSONANT;
            default -> Ending.VOWEL;
        };
    }

    private static boolean isLatin(char character) {
        return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z');
    }

    private static boolean isVowel(char character) {
        return "aeiou".indexOf(character) >= 0;
    }
}
