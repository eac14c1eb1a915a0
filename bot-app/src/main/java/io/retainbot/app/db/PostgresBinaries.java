package io.retainbot.app.db;

import io.retainbot.app.StartupFailure;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.io.FileUtils;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL programs shipped inside the jar, unpacked once into a directory only this user can
 * write ({@code ~/.cache/retainbot}, or {@code DATA_DIR/.postgres-binaries} when there is no usable
 * home), never into the shared temporary directory. As root they run inside {@code unshare -U},
 * because PostgreSQL refuses to run as root.
 */
final class PostgresBinaries {
    private final Path home;
    private final boolean unshare;

    private PostgresBinaries(Path home, boolean unshare) {
        this.home = home;
        this.unshare = unshare;
    }

    static PostgresBinaries unpacked(Path dataDir) {
        boolean root = isRoot();
        if (root && !LinuxUtils.isUnshareAvailable()) {
            throw new StartupFailure("embedded PostgreSQL cannot run as root on this machine (no working "
                    + "'unshare'): run RetainBot as a normal user, or set DATABASE_URL to an external PostgreSQL");
        }
        try {
            byte[] archive = archive();
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive))
                    .substring(0, 16);
            Path home = unpack(archive, cacheRoot(dataDir).resolve("postgres-" + digest));
            return new PostgresBinaries(home, root);
        } catch (IOException | NoSuchAlgorithmException failure) {
            throw new StartupFailure("the embedded PostgreSQL programs could not be unpacked (" + failure.getMessage()
                    + "): check free space in the home directory and DATA_DIR, or set DATABASE_URL", failure);
        }
    }

    /** The command line that runs one of the PostgreSQL programs. */
    List<String> command(String program, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (unshare) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(home.resolve("bin").resolve(program).toString());
        command.addAll(arguments);
        return command;
    }

    private static byte[] archive() throws IOException {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") ? "Darwin" : os.contains("win") ? "Windows" : "Linux";
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system,
                arch.equals("amd64") ? "x86_64" : arch)) {
            return in.readAllBytes();
        }
    }

    private static Path cacheRoot(Path dataDir) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String userHome = System.getProperty("user.home");
        Path candidate = xdg != null && !xdg.isBlank() ? Path.of(xdg, "retainbot")
                : userHome == null || userHome.isBlank() || userHome.equals("?") ? null
                : Path.of(userHome, ".cache", "retainbot");
        if (candidate != null) {
            try {
                return privateDirectory(candidate);
            } catch (IOException notUsable) {
                // a read-only or missing home: fall back to DATA_DIR, which is known to be writable
            }
        }
        try {
            return privateDirectory(dataDir.toAbsolutePath().resolve(".postgres-binaries"));
        } catch (IOException failure) {
            throw new StartupFailure("DATA_DIR " + dataDir.toAbsolutePath() + " cannot be written (" + failure
                    + "): choose a writable directory with DATA_DIR=/path/to/data", failure);
        }
    }

    private static Path privateDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        if (!Files.isWritable(directory)) {
            throw new AccessDeniedException(directory.toString());
        }
        return directory;
    }

    /** Unpacks into a fresh directory beside the target and renames it into place, so a half-unpacked copy is never used. */
    private static Path unpack(byte[] archive, Path target) throws IOException {
        if (Files.isRegularFile(target.resolve("bin").resolve("postgres"))) {
            return target;
        }
        Path staging = target.resolveSibling(target.getFileName() + ".unpacking-" + UUID.randomUUID());
        try {
            extract(archive, staging);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException unpackedMeanwhile) {
                // another RetainBot unpacked the same programs first
            }
        } finally {
            FileUtils.deleteQuietly(staging.toFile());
        }
        return target;
    }

    private static void extract(byte[] archive, Path directory) throws IOException {
        Files.createDirectories(directory);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(
                new BufferedInputStream(new java.io.ByteArrayInputStream(archive))))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = directory.resolve(entry.getName()).normalize();
                if (!path.startsWith(directory)) {
                    throw new IOException("unexpected path in the PostgreSQL archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    if ((entry.getMode() & 0100) != 0 || entry.getName().startsWith("bin/")) {
                        path.toFile().setExecutable(true, true);
                    }
                }
            }
        }
    }

    private static boolean isRoot() {
        try {
            Class<?> unix = Class.forName("com.sun.security.auth.module.UnixSystem");
            Object system = unix.getDeclaredConstructor().newInstance();
            return ((Number) unix.getMethod("getUid").invoke(system)).longValue() == 0;
        } catch (ReflectiveOperationException | RuntimeException notUnix) {
            return false;
        }
    }
}
