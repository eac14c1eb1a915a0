package io.retainbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml read against the settings RetainBot really has (there is no Docker engine to run it here). */
class DockerComposeTest {
    private static final Pattern SETTING_ROW = Pattern.compile("(?m)^\\| `([A-Z][A-Z0-9_]+)` \\|");
    private static final Pattern SECONDS = Pattern.compile("(\\d+)s");

    private final JsonNode retainbot = compose().path("services").path("retainbot");

    @Test
    void passesOnlySettingsTheReadmeDocuments() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher row = SETTING_ROW.matcher(Files.readString(Path.of("..", "README.md")));
        while (row.find()) {
            documented.add(row.group(1));
        }
        Set<String> passed = new TreeSet<>();
        retainbot.path("environment").fieldNames().forEachRemaining(passed::add);

        assertThat(documented).contains("DATABASE_URL", "TELEGRAM_BOT_TOKEN", "LOG_LEVEL");
        assertThat(passed).as("a misspelt variable would be ignored without a word").isNotEmpty()
                .isSubsetOf(documented);
    }

    @Test
    void givesTheShutdownTimeToFinishBeforeDockerKillsIt() {
        // On SIGTERM the scheduler waits up to 6 s and the sends in flight up to 10 s, then the pools and the
        // database close; docker stop kills the process after 10 s unless told otherwise.
        Matcher grace = SECONDS.matcher(retainbot.path("stop_grace_period").asText(""));

        assertThat(grace.matches()).as("stop_grace_period in seconds, such as 45s").isTrue();
        assertThat(Duration.ofSeconds(Long.parseLong(grace.group(1)))).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    }

    private static JsonNode compose() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "docker-compose.yml").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
