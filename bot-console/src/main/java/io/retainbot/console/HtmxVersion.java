package io.retainbot.console;

/** The htmx of the WebJar the console serves (the root pom's {@code htmx.version}; a test checks they agree). */
final class HtmxVersion {
    static final String VERSION = "2.0.8";

    private HtmxVersion() {
    }
}
