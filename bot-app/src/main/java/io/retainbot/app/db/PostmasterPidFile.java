package io.retainbot.app.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code postmaster.pid} in a PostgreSQL data directory says: line 1 the server's process id,
 * line 2 its data directory, line 4 its port. A server killed with its owner leaves it behind.
 */
record PostmasterPidFile(long pid, Path dataDirectory, int port) {
    static final String NAME = "postmaster.pid";

    static Optional<PostmasterPidFile> read(Path dataDirectory) {
        Path file = dataDirectory.resolve(NAME);
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.size() < 2) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).strip());
            int port = lines.size() > 3 && !lines.get(3).isBlank() ? Integer.parseInt(lines.get(3).strip()) : 0;
            return Optional.of(new PostmasterPidFile(pid, Path.of(lines.get(1).strip()), port));
        } catch (IOException | NumberFormatException | java.nio.file.InvalidPathException missingOrGarbled) {
            return Optional.empty();
        }
    }

    /** The process the file names, if it is alive and is the server of {@code dataDirectory}. */
    Optional<ProcessHandle> runningServerOf(Path dataDirectory) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(process -> serves(process, dataDirectory));
    }

    /** Whether the file names a live process that is not a PostgreSQL server of this directory (its id was reused). */
    boolean namesAnotherProcess(Path dataDirectory) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(process -> !serves(process, dataDirectory))
                .isPresent();
    }

    private boolean serves(ProcessHandle process, Path directory) {
        Path expected = real(directory);
        try {
            // a running PostgreSQL server works inside its data directory
            return real(Files.readSymbolicLink(Path.of("/proc", String.valueOf(process.pid()), "cwd"))).equals(expected);
        } catch (IOException | UnsupportedOperationException | SecurityException noProcFs) {
            boolean postgres = process.info().command().map(command -> command.endsWith("postgres")).orElse(true);
            return postgres && real(dataDirectory).equals(expected);
        }
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException gone) {
            return path.toAbsolutePath().normalize();
        }
    }
}
