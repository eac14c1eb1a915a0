package io.retainbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {
    @Test
    void makesDaemonThreadsNumberedUnderTheirName() {
        ThreadFactory threads = DaemonThreads.named("retainbot-outbox");

        Thread first = threads.newThread(() -> { });
        Thread second = threads.newThread(() -> { });

        assertThat(first.getName()).isEqualTo("retainbot-outbox-1");
        assertThat(second.getName()).isEqualTo("retainbot-outbox-2");
        assertThat(first.isDaemon()).isTrue();
        assertThat(second.isDaemon()).isTrue();
    }
}
