package io.retainbot.telegram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The fake Bot API ({@link FakeBotApi}, counting and keeping no calls) in a process of its own, so that a
 * benchmark measures the resident memory of the bot's side alone. Started by {@link #start}, it prints its
 * port on its first line and then answers one line per command read from its standard input:
 * {@code limit <n>} (the budget a second, answered {@code ok}) and {@code counts} (answered
 * {@code counts <delivered> <refused> <inside a retry window> <duplicates>}). It ends when its input ends,
 * so it never outlives the benchmark that started it.
 */
public final class FakeBotApiProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader answers;
    private final Writer commands;
    private final URI url;

    private FakeBotApiProcess(Process process) throws IOException {
        this.process = process;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = process.outputWriter(StandardCharsets.UTF_8);
        String first = answers.readLine();
        // anything a library printed before the port line is passed over
        while (first != null && !first.startsWith("port ") && !first.startsWith("failed ")) {
            first = answers.readLine();
        }
        if (first == null || !first.startsWith("port ")) {
            process.destroyForcibly();
            throw new IOException("the fake Bot API process did not start; it said: " + first);
        }
        this.url = URI.create("http://127.0.0.1:" + Integer.parseInt(first.substring("port ".length()).trim()));
    }

    /** Starts the fake in a JVM of its own, on this JVM's class path, and waits until it listens. */
    public static FakeBotApiProcess start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // TCP_NODELAY on the fake's connections, as a real API's front server has it: without it the JDK's
        // server writes an answer's headers and body apart and Nagle holds the body back until the bot's
        // delayed ACK (up to 40 ms), a round trip of the fake's own that the budget then counts
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Dsun.net.httpserver.nodelay=true",
                "-cp", System.getProperty("java.class.path"), FakeBotApiProcess.class.getName()));
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return new FakeBotApiProcess(builder.start());
    }

    public URI url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    /** At most {@code perSecond} sends in any second from now on (see {@link FakeBotApi#limitSendsTo}). */
    public void limitSendsTo(int perSecond) throws IOException {
        String answer = ask("limit " + perSecond);
        if (!answer.equals("ok")) {
            throw new IOException("the fake Bot API process refused the budget: " + answer);
        }
    }

    public FakeBotApi.SendCounts sendCounts() throws IOException {
        String[] fields = ask("counts").split(" ");
        if (fields.length != 5 || !fields[0].equals("counts")) {
            throw new IOException("the fake Bot API process answered: " + String.join(" ", fields));
        }
        return new FakeBotApi.SendCounts(Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                Long.parseLong(fields[3]), Long.parseLong(fields[4]));
    }

    private synchronized String ask(String command) throws IOException {
        commands.write(command + "\n");
        commands.flush();
        String answer = answers.readLine();
        if (answer == null) {
            throw new IOException("the fake Bot API process ended");
        }
        return answer;
    }

    /** Ends the process: its input closes (it stops by itself), and after 5 s it is killed. */
    @Override
    public void close() {
        try {
            commands.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException ending) {
            process.destroyForcibly();
            if (ending instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The process's own main: the fake, then one answer per command line until the input ends. */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (FakeBotApi telegram = new FakeBotApi().forgetCalls()) {
            out.println("port " + telegram.url().getPort());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(answer(telegram, line.trim()));
            }
        } catch (UncheckedIOException failed) {
            out.println("failed " + failed.getMessage());
        }
        System.exit(0);
    }

    private static String answer(FakeBotApi telegram, String command) {
        if (command.startsWith("limit ")) {
            try {
                telegram.limitSendsTo(Integer.parseInt(command.substring("limit ".length()).trim()));
                return "ok";
            } catch (NumberFormatException notANumber) {
                return "unknown budget: " + command;
            }
        }
        if (command.equals("counts")) {
            FakeBotApi.SendCounts counts = telegram.sendCounts();
            return String.format(Locale.ROOT, "counts %d %d %d %d", counts.delivered(), counts.rateLimited(),
                    counts.insideRetryWindow(), counts.duplicates());
        }
        return "unknown command: " + command;
    }
}
