package io.retainbot.console;

import io.retainbot.console.access.Signed;

/**
 * What every console page shows around its content: the texts in the reader's language, who is signed in
 * (null on the sign-in and set-up pages), the token the page's forms carry, and the page's title.
 */
public record Frame(ConsoleTexts.In texts, Signed signed, String csrf, String title, String section) {
    public String t(String key, Object... args) {
        return texts.get(key, args);
    }

    public String language() {
        return texts.language();
    }

    /** aria-current for the navigation link of {@code name}, or null (then the attribute is left out). */
    public String current(String name) {
        return name.equals(section) ? "page" : null;
    }
}
