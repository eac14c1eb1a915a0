package io.retainbot.core.flow;

import io.retainbot.core.customer.Birthday;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a birthday as customers type it: {@code 03-21}, {@code 1988-03-21}, {@code 21 March},
 * {@code March 21, 1988}, {@code 21 Marso}, {@code 3월 21일}. Day and month as numbers are read month
 * first only in the ISO-like {@code MM-DD} form; anything ambiguous or impossible is not a birthday.
 */
final class BirthdayReader {
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})-(\\d{1,2})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern KOREAN = Pattern.compile("(?:(\\d{4})\\s*년\\s*)?(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일?");
    private static final Pattern DAY_NAME = Pattern.compile("(\\d{1,2})\\.?\\s+(\\p{L}+)\\.?(?:,?\\s+(\\d{4}))?");
    private static final Pattern NAME_DAY = Pattern.compile("(\\p{L}+)\\.?\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?");
    private static final List<List<String>> MONTHS = List.of(
            List.of("january", "jan", "enero"), List.of("february", "feb", "pebrero"),
            List.of("march", "mar", "marso"), List.of("april", "apr", "abril"), List.of("may", "mayo"),
            List.of("june", "jun", "hunyo"), List.of("july", "jul", "hulyo"), List.of("august", "aug", "agosto"),
            List.of("september", "sep", "sept", "setyembre"), List.of("october", "oct", "oktubre"),
            List.of("november", "nov", "nobyembre"), List.of("december", "dec", "disyembre"));

    private BirthdayReader() {
    }

    static Optional<Birthday> read(String typed) {
        String text = typed.strip().toLowerCase(Locale.ROOT);
        Matcher matched;
        if ((matched = ISO.matcher(text)).matches()) {
            return birthday(matched.group(2), matched.group(3), matched.group(1));
        }
        if ((matched = MONTH_DAY.matcher(text)).matches()) {
            return birthday(matched.group(1), matched.group(2), null);
        }
        if ((matched = KOREAN.matcher(text)).matches()) {
            return birthday(matched.group(2), matched.group(3), matched.group(1));
        }
        if ((matched = DAY_NAME.matcher(text)).matches()) {
            Matcher named = matched;
            return month(named.group(2)).flatMap(month -> birthday(month, named.group(1), named.group(3)));
        }
        if ((matched = NAME_DAY.matcher(text)).matches()) {
            Matcher named = matched;
            return month(named.group(1)).flatMap(month -> birthday(month, named.group(2), named.group(3)));
        }
        return Optional.empty();
    }

    private static Optional<String> month(String name) {
        for (int index = 0; index < MONTHS.size(); index++) {
            if (MONTHS.get(index).contains(name)) {
                return Optional.of(String.valueOf(index + 1));
            }
        }
        return Optional.empty();
    }

    private static Optional<Birthday> birthday(String month, String day, String year) {
        try {
            return Optional.of(new Birthday(Integer.parseInt(month), Integer.parseInt(day),
                    year == null ? null : Integer.valueOf(year)));
        } catch (IllegalArgumentException impossible) {
            return Optional.empty();
        }
    }
}
