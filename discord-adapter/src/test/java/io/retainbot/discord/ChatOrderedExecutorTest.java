package io.retainbot.discord;

import io.retainbot.core.testing.Await;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatOrderedExecutorTest {
    @Test
    void aFullLaneMakesTheCallerWaitInsteadOfGrowing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> done = new CopyOnWriteArrayList<>();
        try (ChatOrderedExecutor executor = new ChatOrderedExecutor(1, 2, "test-lane")) {
            executor.execute("chat", () -> awaitQuietly(release));
            executor.execute("chat", () -> done.add(1));
            executor.execute("chat", () -> done.add(2));
            Thread caller = new Thread(() -> executor.execute("chat", () -> done.add(3)));
            caller.start();
            Await.until(() -> caller.getState() == Thread.State.WAITING);
            assertThat(caller.isAlive()).as("the fourth task waits for room").isTrue();

            release.countDown();
            caller.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(caller.isAlive()).isFalse();
        }
        assertThat(done).containsExactly(1, 2, 3);
    }

    @Test
    void takesNothingAfterClosing() {
        ChatOrderedExecutor executor = new ChatOrderedExecutor(2, 2, "test-lane");
        executor.close();
        assertThatThrownBy(() -> executor.execute("chat", () -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
