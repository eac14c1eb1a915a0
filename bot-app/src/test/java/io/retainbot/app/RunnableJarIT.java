package io.retainbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The runnable jar as the README runs it: a real process, started, asked for /health, stopped with SIGTERM. */
class RunnableJarIT {
    @TempDir
    Path directory;

    @Test
    void servesHealthOnTheEmbeddedDefaultAndStopsCleanlyOnSigterm() throws Exception {
        Path output = directory.resolve("out.log");
        JarProcess jar = JarProcess.start(Map.of("DATA_DIR", directory.resolve("data").toString(), "HTTP_PORT",
                String.valueOf(AppTesting.freePort())), output);
        try {
            HttpResponse<String> health = jar.awaitHealth(Duration.ofSeconds(120));

            assertThat(health.body()).contains("\"database\":\"up\"");
        } finally {
            jar.process().destroy();
        }
        assertThat(jar.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = jar.output();
        assertThat(log).contains("RetainBot stopped");
        assertThat(log).contains("generated one. It is shown only this once");
    }

    @Test
    void printsOnlyItsOwnLinesAtStartUp() throws Exception {
        Path output = directory.resolve("own.log");
        JarProcess jar = JarProcess.start(Map.of("DATA_DIR", directory.resolve("data").toString(), "HTTP_PORT",
                String.valueOf(AppTesting.freePort()), "ADMIN_TOKEN", AppTesting.ADMIN_TOKEN), output);
        try {
            jar.awaitHealth(Duration.ofSeconds(120));
        } finally {
            jar.process().destroy();
            jar.process().waitFor(60, TimeUnit.SECONDS);
        }

        List<String> printed = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        assertThat(printed).as("the console's one-time set-up link, printed once and not logged")
                .filteredOn(line -> line.startsWith("Console set-up (works once, until the first admin exists): "))
                .singleElement().asString().matches(".*http://localhost:\\d+/console/set-up\\?token=[A-Za-z0-9_-]{43}");
        List<String> lines = printed.stream().filter(line -> !line.startsWith("Console set-up ")).toList();
        assertThat(lines).allSatisfy(line -> assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\S+ (INFO|WARN) +\\[.*"));
        assertThat(lines).noneMatch(line -> line.contains("|-INFO in ch.qos.logback") || line.contains("|-WARN in"));
        assertThat(lines).as("start-up lines come from RetainBot's own loggers, not its libraries")
                .allSatisfy(line -> assertThat(line).matches("\\S+ +\\S+ +\\[[^\\]]*\\] i\\.r.*"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTP_PORT              | eighty | HTTP_PORT must be a port number from 1 to 65535, was "eighty"
            LOG_LEVEL              | LOUD   | LOG_LEVEL must be one of ERROR, WARN, INFO, DEBUG, TRACE, ALL, OFF (INFO when unset), was "LOUD"
            TELEGRAM_MODE          | hook   | TELEGRAM_MODE must be polling or webhook, was "hook"
            TELEGRAM_STAFF_CHAT_ID | -1001234567890 | TELEGRAM_STAFF_CHAT_ID is set but TELEGRAM_BOT_TOKEN is not: set the bot's token (from @BotFather) to turn Telegram on, or unset TELEGRAM_STAFF_CHAT_ID
            """)
    void endsWithOneLineNamingTheBadSetting(String setting, String value, String line) throws Exception {
        Path output = directory.resolve("bad.log");
        Map<String, String> env = new HashMap<>(Map.of("DATA_DIR", directory.resolve("data").toString(),
                "HTTP_PORT", String.valueOf(AppTesting.freePort())));
        env.put(setting, value);
        JarProcess jar = JarProcess.start(env, output);

        assertThat(jar.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(jar.process().exitValue()).isEqualTo(1);
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(lines).containsExactly("RetainBot cannot start: " + line);
    }
}
