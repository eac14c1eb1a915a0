package io.retainbot.core.outreach;

/** The rule for names of segments and templates: 1 to 100 characters after trimming. */
final class Names {
    static final int MAX = 100;

    private Names() {
    }

    static String checked(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX) {
            throw new IllegalArgumentException("name is longer than " + MAX + " characters");
        }
        return stripped;
    }
}
