package io.retainbot.console;

/**
 * What is wrong with a form, in the reader's language: a key of the console's catalog and its arguments.
 * Thrown while reading a form; the page is shown again with the message and the form as it was typed.
 */
final class FormProblem extends RuntimeException {
    private final String key;
    private final transient Object[] args;

    FormProblem(String key, Object... args) {
        super(key, null, false, false);
        this.key = key;
        this.args = args.clone();
    }

    String message(ConsoleTexts.In texts) {
        return texts.get(key, args);
    }
}
