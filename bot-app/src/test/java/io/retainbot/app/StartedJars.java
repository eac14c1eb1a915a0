package io.retainbot.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real jars a test starts ({@code @RegisterExtension final StartedJars jars = new StartedJars();}):
 * each one's output kept under {@code target/jar-logs/<test>-<log>} for a look after a failure, and after
 * the test every one stopped, together with the embedded PostgreSQL a killed jar may have left running on
 * its {@code DATA_DIR}.
 */
final class StartedJars implements BeforeEachCallback, AfterEachCallback {
    private final List<JarProcess> started = new ArrayList<>();
    private final Set<Path> dataDirs = new LinkedHashSet<>();
    private String testName = "jar";

    @Override
    public void beforeEach(ExtensionContext context) {
        testName = context.getRequiredTestMethod().getName();
    }

    /** Starts the jar with {@code env} (see {@link JarProcess#start}); its output goes to the log named {@code log}. */
    JarProcess start(Map<String, String> env, String log) throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "jar-logs"));
        Path output = logs.resolve(testName + "-" + log);
        Files.deleteIfExists(output);
        if (env.containsKey("DATA_DIR")) {
            dataDirs.add(Path.of(env.get("DATA_DIR")));
        }
        JarProcess jar = JarProcess.start(env, output);
        started.add(jar);
        return jar;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (JarProcess jar : started) {
            jar.process().destroy();
            if (!jar.process().waitFor(60, TimeUnit.SECONDS)) {
                jar.process().destroyForcibly();
            }
        }
        for (Path dataDir : dataDirs) {
            Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
            if (Files.exists(pidFile)) {
                // the server of a killed jar that was not started again: never leak it
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
        }
        started.clear();
        dataDirs.clear();
    }
}
