package io.retainbot.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import io.retainbot.core.testing.Await;

/**
 * The runnable jar as the README runs it ({@code java -XX:+UseSerialGC -Xms64m -Xmx192m -jar target/retainbot.jar}),
 * a real process.
 */
public final class JarProcess {
    /** The memory settings the README and the Dockerfile run the jar with (JarProcessTest holds them to it). */
    public static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx192m");
    private static final Path JAR = Path.of("target", "retainbot.jar");

    private final Process process;
    private final Path output;
    private final int httpPort;
    private final long startedNanos = System.nanoTime();

    private JarProcess(Process process, Path output, int httpPort) {
        this.process = process;
        this.output = output;
        this.httpPort = httpPort;
    }

    /** Starts the jar with only {@code env} set of RetainBot's variables; its output goes to {@code output}. */
    public static JarProcess start(Map<String, String> env, Path output) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("DATABASE_") || name.startsWith("TELEGRAM_")
                || name.startsWith("DISCORD_") || name.equals("ADMIN_TOKEN") || name.equals("BUSINESS_CONFIG")
                || name.equals("DATA_DIR") || name.equals("HTTP_PORT"));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        String port = env.getOrDefault("HTTP_PORT", "8080");
        return new JarProcess(builder.start(), output, port.matches("\\d{1,5}") ? Integer.parseInt(port) : 0);
    }

    /** How long ago the process was started. */
    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    Process process() {
        return process;
    }

    public int httpPort() {
        return httpPort;
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    /** Waits (bounded by {@code within}) until {@code /health} says 200; fails with the jar's output otherwise. */
    public HttpResponse<String> awaitHealth(Duration within) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        AtomicReference<HttpResponse<String>> healthy = new AtomicReference<>();
        String log = output.toString();
        Await.until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("the jar ended (exit " + process.exitValue() + "), see " + log);
            }
            try {
                HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                healthy.set(answer.statusCode() == 200 ? answer : null);
            } catch (IOException notYet) {
                healthy.set(null);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
            return healthy.get() != null;
        }, within, () -> "(the jar never answered /health with 200; see " + log + ")");
        return healthy.get();
    }

    /** A connection to the embedded PostgreSQL of {@code dataDir}, as its owner (port from postmaster.pid). */
    static Connection database(Path dataDir) throws IOException, SQLException {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", Files.readString(dataDir.resolve("postgres.password")).strip());
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres",
                properties);
    }
}
