package io.retainbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.testing.Await;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
    void aSigtermWhileStartingLeavesNoPostgresRunningAndTheNextStartIsClean() throws Exception {
        Path data = directory.resolve("data");
        Map<String, String> env = Map.of("DATA_DIR", data.toString(), "HTTP_PORT", String.valueOf(AppTesting.freePort()),
                "ADMIN_TOKEN", AppTesting.ADMIN_TOKEN);
        JarProcess first = JarProcess.start(env, directory.resolve("first.log"));
        // the embedded PostgreSQL is up; RetainBot still migrates and wires itself (seconds on a fresh directory)
        AtomicReference<ProcessHandle> postgres = new AtomicReference<>();
        Await.until(() -> {
            postgres.set(serverOf(data.resolve("postgres")).orElse(null));
            return postgres.get() != null || !first.process().isAlive();
        }, Duration.ofSeconds(120), () -> "the embedded PostgreSQL started; see " + directory.resolve("first.log"));

        first.process().destroy();

        assertThat(first.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.output()).as("the SIGTERM came during start-up").doesNotContain(" is ready")
                .contains("RetainBot stopped during start-up");
        Await.until(() -> !postgres.get().isAlive(), Duration.ofSeconds(10),
                () -> "the embedded PostgreSQL (pid " + postgres.get().pid() + ") is still running after RetainBot ended");
        JarProcess second = JarProcess.start(env, directory.resolve("second.log"));
        try {
            assertThat(second.awaitHealth(Duration.ofSeconds(120)).body()).contains("\"database\":\"up\"");
        } finally {
            second.process().destroy();
            second.process().waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(second.output()).doesNotContain("that an earlier RetainBot left running").contains("RetainBot stopped");
        assertThat(serverOf(data.resolve("postgres"))).isEmpty();
    }

    /** The live PostgreSQL server that {@code cluster}'s postmaster.pid names, if any. */
    private static Optional<ProcessHandle> serverOf(Path cluster) {
        try {
            List<String> lines = Files.readAllLines(cluster.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException notThere) {
            return Optional.empty();
        }
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
