package io.retainbot.app.db;

import io.retainbot.core.DaemonThreads;
import io.retainbot.app.StartupFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RetainBot's own PostgreSQL under {@code DATA_DIR}, run for durability rather than speed: fsync
 * and synchronous commit on, listening on 127.0.0.1 only with its socket inside the data directory,
 * and a password (SCRAM) for everyone, generated on first start and kept in
 * {@code DATA_DIR/postgres.password} (owner only). A data directory of the earlier version (trusting
 * every local user) gets its password and access rules at start-up, in place.
 *
 * <p>A server an earlier RetainBot left running (after {@code kill -9}) is found through
 * {@code postmaster.pid} and stopped before this one starts. While running, the server is watched and
 * started again if it dies. No JVM shutdown hook: {@link #close} stops it, after the pool is closed.
 */
final class EmbeddedServer implements AutoCloseable {
    static final String USER = "postgres";
    static final String DATABASE = "postgres";
    static final String PASSWORD_FILE = "postgres.password";
    static final String LOG_FILE = "postgres.log";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final Duration START_WAIT = Duration.ofSeconds(60);
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final Duration MAX_RESTART_BACKOFF = Duration.ofSeconds(30);
    private static final int SOCKET_PATH_LIMIT = 107;

    private final Path dataDir;
    private final Path cluster;
    private final Path logFile;
    private final PostgresBinaries binaries;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String password;
    private volatile int port;
    private volatile ProcessHandle postmaster;
    private volatile boolean closing;
    private ScheduledExecutorService watcher;
    private boolean down;
    private long nextRestartNanos;
    private Duration restartBackoff = Duration.ofSeconds(1);

    private EmbeddedServer(Path dataDir, PostgresBinaries binaries, FileChannel lockChannel, FileLock lock,
                           String password) {
        this.dataDir = dataDir;
        this.cluster = dataDir.resolve("postgres");
        this.logFile = dataDir.resolve(LOG_FILE);
        this.binaries = binaries;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.password = password;
    }

    /** Prepares DATA_DIR (first start, upgrade, a server left behind) and starts the server. */
    static EmbeddedServer start(Path dataDir) {
        Path directory = dataDir.toAbsolutePath().normalize();
        FileChannel lockChannel = null;
        try {
            lockChannel = FileChannel.open(directory.resolve("retainbot.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockChannel, directory);
            PostgresBinaries binaries = PostgresBinaries.unpacked(directory);
            Path cluster = directory.resolve("postgres");
            privateFile(directory.resolve(LOG_FILE));
            stopLeftover(binaries, cluster, directory.resolve(LOG_FILE));
            if (!Files.exists(cluster.resolve("PG_VERSION"))) {
                initdb(binaries, cluster, directory.resolve(LOG_FILE));
            }
            String password = ensurePassword(binaries, directory, cluster);
            writeAccessRules(cluster);
            EmbeddedServer server = new EmbeddedServer(directory, binaries, lockChannel, lock, password);
            server.launchOnFreePort();
            return server;
        } catch (IOException failure) {
            closeQuietly(lockChannel);
            throw new StartupFailure("DATA_DIR " + directory + " cannot be used (" + failure
                    + "): choose a writable directory with DATA_DIR=/path/to/data", failure);
        } catch (RuntimeException failure) {
            closeQuietly(lockChannel);
            throw failure;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    String password() {
        return password;
    }

    int port() {
        return port;
    }

    /** Whether the server process is alive. */
    boolean isRunning() {
        ProcessHandle process = postmaster;
        return process != null && process.isAlive();
    }

    /** Checks every second that the server runs, and starts it again (with backoff) when it died. */
    synchronized void watch() {
        if (watcher != null) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("retainbot-db-watch"));
        watcher.scheduleWithFixedDelay(this::keepRunning, 1, 1, TimeUnit.SECONDS);
    }

    /** Stops the server (fast shutdown: open transactions roll back, everything committed stays). */
    @Override
    public void close() {
        closing = true;
        ScheduledExecutorService watching;
        synchronized (this) {
            watching = watcher;
        }
        if (watching != null) {
            watching.shutdownNow();
            try {
                watching.awaitTermination(START_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            stopServer(binaries, cluster, logFile, postmaster);
        } finally {
            try {
                lock.release();
            } catch (IOException | RuntimeException ignored) {
                // the lock goes with the channel anyway
            }
            closeQuietly(lockChannel);
        }
    }

    private void keepRunning() {
        if (closing) {
            return;
        }
        if (isRunning()) {
            if (down) {
                log.info("embedded PostgreSQL is running again on port {}", port);
                down = false;
                restartBackoff = Duration.ofSeconds(1);
            }
            return;
        }
        if (!down) {
            log.warn("embedded PostgreSQL stopped unexpectedly; starting it again (its log: {})", logFile);
            down = true;
            nextRestartNanos = System.nanoTime();
        }
        if (System.nanoTime() - nextRestartNanos < 0) {
            return;
        }
        try {
            launch(port);
        } catch (RuntimeException failure) {
            if (restartBackoff.getSeconds() == 1) {
                log.warn("embedded PostgreSQL could not be started again yet ({}); retrying with backoff",
                        failure.getMessage());
            }
            nextRestartNanos = System.nanoTime() + restartBackoff.toNanos();
            restartBackoff = restartBackoff.multipliedBy(2).compareTo(MAX_RESTART_BACKOFF) > 0 ? MAX_RESTART_BACKOFF
                    : restartBackoff.multipliedBy(2);
        }
    }

    private void launchOnFreePort() {
        for (int attempt = 1; ; attempt++) {
            try {
                launch(freePort());
                return;
            } catch (PortTaken taken) {
                if (attempt == 3) {
                    throw new StartupFailure("embedded PostgreSQL could not bind port " + taken.port
                            + " on 127.0.0.1 (taken by another program three times in a row): check what keeps "
                            + "taking free ports, or set DATABASE_URL to an external PostgreSQL");
                }
            }
        }
    }

    private void launch(int onPort) {
        long logStart = size(logFile);
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(onPort),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=" + socketDirectory(),
                "-c", "unix_socket_permissions=0700",
                "-c", "fsync=on",
                "-c", "synchronous_commit=on",
                "-c", "full_page_writes=on",
                "-c", "password_encryption=scram-sha-256",
                "-c", "timezone=UTC"));
        int exit = run(binaries.command("pg_ctl", List.of("start", "-D", cluster.toString(), "-l", logFile.toString(),
                "-w", "-t", String.valueOf(START_WAIT.toSeconds()), "-s", "-o", shellWords(options))), null,
                START_WAIT.plusSeconds(10), logFile);
        Optional<ProcessHandle> started = PostmasterPidFile.read(cluster).flatMap(pid -> pid.runningServerOf(cluster));
        if (exit != 0 || started.isEmpty()) {
            String cause = logSince(logStart);
            if (cause.contains("Address already in use") || cause.contains("could not bind")) {
                throw new PortTaken(onPort);
            }
            throw new StartupFailure(startFailure(cause));
        }
        port = onPort;
        postmaster = started.get();
    }

    private String startFailure(String cause) {
        String fatal = cause.lines().filter(line -> line.contains("FATAL") || line.contains("PANIC"))
                .reduce((first, second) -> second).orElse(cause.lines().reduce((first, second) -> second).orElse(""))
                .replaceFirst("^.*?(FATAL|PANIC):\\s*", "").strip();
        String lower = cause.toLowerCase(Locale.ROOT);
        if (lower.contains("permission denied")) {
            return "embedded PostgreSQL cannot use " + cluster + " (" + fatal + "): make DATA_DIR writable for this "
                    + "user, or choose another DATA_DIR";
        }
        if (lower.contains("no space left")) {
            return "embedded PostgreSQL has no space left in " + cluster + ": free disk space or move DATA_DIR";
        }
        if (lower.contains("lock file") || lower.contains("still in use")) {
            return "another PostgreSQL still uses " + cluster + " (" + fatal + "): stop it, or choose another DATA_DIR";
        }
        if (lower.contains("incompatible")) {
            return "the data in " + cluster + " belongs to another PostgreSQL version (" + fatal + "): start the "
                    + "RetainBot version that created it, or choose another DATA_DIR";
        }
        return "embedded PostgreSQL did not start (" + (fatal.isEmpty() ? "no reason given" : fatal) + "): see "
                + logFile + ", or set DATABASE_URL to an external PostgreSQL";
    }

    private String socketDirectory() {
        // the socket lives inside the data directory (owner only); a path too long for a socket means TCP only
        return cluster.toString().length() + "/.s.PGSQL.65535".length() <= SOCKET_PATH_LIMIT ? cluster.toString() : "";
    }

    private String logSince(long offset) {
        try {
            byte[] bytes = Files.readAllBytes(logFile);
            int from = (int) Math.min(Math.max(0, offset), bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static FileLock tryLock(FileChannel channel, Path directory) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            throw new StartupFailure("DATA_DIR " + directory + " is in use by another running RetainBot: stop it "
                    + "first, or set DATA_DIR to another directory");
        }
        return lock;
    }

    /** A server left running on our data directory (its RetainBot was killed) is stopped, never shared. */
    private static void stopLeftover(PostgresBinaries binaries, Path cluster, Path logFile) throws IOException {
        Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(cluster);
        if (pidFile.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> leftover = pidFile.get().runningServerOf(cluster);
        if (leftover.isPresent()) {
            log.info("stopping the embedded PostgreSQL (pid {}) that an earlier RetainBot left running on {}",
                    leftover.get().pid(), cluster);
            stopServer(binaries, cluster, logFile, leftover.get());
            if (leftover.get().isAlive()) {
                throw new StartupFailure("a PostgreSQL server (pid " + leftover.get().pid() + ") still runs on "
                        + cluster + " and could not be stopped: stop it yourself, then start RetainBot again");
            }
        } else if (pidFile.get().namesAnotherProcess(cluster)) {
            // the server died and its process id now belongs to someone else: PostgreSQL would refuse to start
            Files.deleteIfExists(cluster.resolve(PostmasterPidFile.NAME));
        }
    }

    private static void stopServer(PostgresBinaries binaries, Path cluster, Path logFile, ProcessHandle server) {
        if (server == null || !server.isAlive()) {
            return;
        }
        for (String mode : List.of("fast", "immediate")) {
            run(binaries.command("pg_ctl", List.of("stop", "-D", cluster.toString(), "-m", mode, "-w", "-s", "-t",
                    String.valueOf(STOP_WAIT.toSeconds()))), null, STOP_WAIT.plusSeconds(5), logFile);
            if (awaitExit(server, Duration.ofSeconds(5))) {
                return;
            }
        }
        server.destroyForcibly();
        awaitExit(server, Duration.ofSeconds(5));
    }

    private static boolean awaitExit(ProcessHandle process, Duration within) {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (ExecutionException impossible) {
            return !process.isAlive();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void initdb(PostgresBinaries binaries, Path cluster, Path logFile) throws IOException {
        log.info("creating the embedded PostgreSQL database in {}", cluster);
        if (Files.isDirectory(cluster)) {
            try (var entries = Files.list(cluster)) {
                for (Path entry : entries.toList()) {
                    if (!entry.getFileName().toString().equals("epg-lock")) {
                        throw new StartupFailure(cluster + " holds files but no PostgreSQL database: move them away, "
                                + "or choose another DATA_DIR");
                    }
                    Files.delete(entry);
                }
            }
        }
        int exit = run(binaries.command("initdb", List.of("-A", "trust", "-U", USER, "-D", cluster.toString(),
                "-E", "UTF-8")), null, Duration.ofMinutes(2), logFile);
        if (exit != 0) {
            throw new StartupFailure("embedded PostgreSQL could not create its database in " + cluster + " (initdb "
                    + "failed, see " + logFile + "): check free space and that DATA_DIR is writable");
        }
    }

    /**
     * The server's password, from {@code DATA_DIR/postgres.password}. Missing (first start, or a data
     * directory of the earlier version that trusted everyone), one is generated and set with the
     * server stopped, in single-user mode, so no one can connect before it is in place.
     */
    private static String ensurePassword(PostgresBinaries binaries, Path dataDir, Path cluster) throws IOException {
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            String stored = Files.readString(file).strip();
            if (!stored.isEmpty()) {
                return stored;
            }
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path pending = dataDir.resolve(PASSWORD_FILE + ".new");
        Files.deleteIfExists(pending);
        privateFile(pending);
        Files.writeString(pending, password + "\n");
        String statement = "ALTER ROLE " + USER + " WITH PASSWORD '" + password + "';\n";
        int exit = run(binaries.command("postgres", List.of("--single", "-D", cluster.toString(),
                "-c", "password_encryption=scram-sha-256", "-c", "exit_on_error=true", "-c", "log_min_messages=warning",
                "-c", "log_min_error_statement=panic", DATABASE)), statement, Duration.ofMinutes(5),
                dataDir.resolve(LOG_FILE));
        if (exit != 0) {
            throw new StartupFailure("embedded PostgreSQL in " + cluster + " could not be given its password (see "
                    + dataDir.resolve(LOG_FILE) + "): check that DATA_DIR is writable and not used by another server");
        }
        Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        log.info("the embedded PostgreSQL now requires the password kept in {} (readable by this user only)", file);
        return password;
    }

    private static void writeAccessRules(Path cluster) throws IOException {
        Files.writeString(cluster.resolve("pg_hba.conf"), """
                # Written by RetainBot at every start: everyone needs the password in DATA_DIR/postgres.password.
                local all all scram-sha-256
                host  all all 127.0.0.1/32 scram-sha-256
                """);
    }

    private static void privateFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Runs a PostgreSQL program to its end, its output appended to the server log; returns its exit code. */
    private static int run(List<String> command, String input, Duration timeout, Path logFile) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        if (input == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        try {
            Process process = builder.start();
            if (input != null) {
                try (OutputStream stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot run " + command.get(command.size() > 2 ? 2 : 0), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String shellWords(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            line.append(line.isEmpty() ? "" : " ").append('\'').append(word.replace("'", "'\\''")).append('\'');
        }
        return line.toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException missing) {
            return 0;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /** The port chosen for the server was taken between choosing it and binding it. */
    private static final class PortTaken extends RuntimeException {
        private final int port;

        PortTaken(int port) {
            super("port " + port + " is taken", null, false, false);
            this.port = port;
        }
    }
}
