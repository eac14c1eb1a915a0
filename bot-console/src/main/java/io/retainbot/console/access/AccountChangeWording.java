package io.retainbot.console.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an account change records: an English sentence, kept as written (the record does not change with the
 * reader), and the console text that says the same in the reader's language. Changes recorded before the console
 * spoke Korean and Tagalog read the same, so they are worded too; anything else is shown as recorded.
 */
public enum AccountChangeWording {
    SET_UP("created as admin with sign-in ", " through the one-time set-up", "staff.changes.what.set_up"),
    SIGN_IN_SET("sign-in set: ", "", "staff.changes.what.sign_in_set"),
    PASSWORD_CHANGED("password changed", "", "staff.changes.what.password_changed");

    private final String before;
    private final String after;
    private final String key;

    AccountChangeWording(String before, String after, String key) {
        this.before = before;
        this.after = after;
        this.key = key;
    }

    /** The sentence recorded for this change, naming {@code login} where it names one. */
    String recorded(String login) {
        return this == PASSWORD_CHANGED ? before : before + login + after;
    }

    /** A recorded change as a console text: its key and the sign-in it names (empty when none). */
    public record Worded(String key, String login) {
    }

    public static Optional<Worded> of(String recorded) {
        return Arrays.stream(values()).filter(wording -> wording.matches(recorded)).findFirst()
                .map(wording -> new Worded(wording.key, wording == PASSWORD_CHANGED ? ""
                        : recorded.substring(wording.before.length(), recorded.length() - wording.after.length())));
    }

    private boolean matches(String recorded) {
        if (this == PASSWORD_CHANGED) {
            return recorded.equals(before);
        }
        return recorded.length() > before.length() + after.length() && recorded.startsWith(before)
                && recorded.endsWith(after);
    }
}
