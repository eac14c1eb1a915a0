package io.retainbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar as the README runs it: a real process, started, asked for /health, stopped with SIGTERM. */
class RunnableJarIT {
    private static final Path JAR = Path.of("target", "retainbot.jar");

    @TempDir
    Path directory;

    @Test
    void servesHealthOnTheEmbeddedDefaultAndStopsCleanlyOnSigterm() throws Exception {
        int port = AppTesting.freePort();
        Path output = directory.resolve("out.log");
        Process process = start(Map.of("DATA_DIR", directory.resolve("data").toString(), "HTTP_PORT",
                String.valueOf(port)), output);
        try {
            HttpResponse<String> health = awaitHealth(port, process);

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"database\":\"up\"");
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(output);
        assertThat(log).contains("RetainBot stopped");
        assertThat(log).contains("generated one. It is shown only this once");
    }

    @Test
    void endsWithOneLineNamingTheBadSetting() throws Exception {
        Path output = directory.resolve("bad.log");
        Process process = start(Map.of("HTTP_PORT", "eighty"), output);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(lines).containsExactly(
                "RetainBot cannot start: HTTP_PORT must be a port number from 1 to 65535, was \"eighty\"");
    }

    private Process start(Map<String, String> env, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString());
        builder.environment().keySet().removeIf(name -> name.startsWith("DATABASE_") || name.startsWith("TELEGRAM_")
                || name.startsWith("DISCORD_") || name.equals("ADMIN_TOKEN") || name.equals("BUSINESS_CONFIG"));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(output.toFile());
        return builder.start();
    }

    private static HttpResponse<String> awaitHealth(int port, Process process) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the jar never answered /health (alive: " + process.isAlive() + ")");
    }
}
