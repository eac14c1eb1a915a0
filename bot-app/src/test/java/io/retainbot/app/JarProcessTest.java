package io.retainbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The jar the tests start runs with the memory settings the README and the Docker image give users. */
class JarProcessTest {
    @Test
    void theTestsRunTheJarWithTheMemorySettingsOfTheReadmeAndTheDockerImage() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String dockerfile = Files.readString(Path.of("..", "Dockerfile"));

        assertThat(readme).contains("java " + String.join(" ", JarProcess.JVM_OPTIONS) + " -jar bot-app/target/retainbot.jar");
        assertThat(dockerfile).contains("ENTRYPOINT [\"java\", \"" + String.join("\", \"", JarProcess.JVM_OPTIONS)
                + "\", \"-jar\", \"/app/retainbot.jar\"]");
    }
}
