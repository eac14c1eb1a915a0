package io.retainbot.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.testing.Await;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SenderPoolTest {
    private ExecutorService pool;

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void sendsOneAfterAnotherReuseTheIdleSenderInsteadOfStartingNewOnes() throws InterruptedException {
        pool = SenderPool.create("reuse", 8);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (int send = 0; send < 20; send++) {
            CountDownLatch done = new CountDownLatch(1);
            pool.execute(() -> {
                threads.add(Thread.currentThread().getName());
                done.countDown();
            });
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            // the sender is back, waiting for the next send
            Await.until(() -> ((LinkedTransferQueue<?>) ((ThreadPoolExecutor) pool).getQueue()).hasWaitingConsumer());
        }
        assertThat(threads).containsExactly("reuse-1");
        assertThat(((ThreadPoolExecutor) pool).getLargestPoolSize()).isEqualTo(1);
    }

    @Test
    void runsAtMostItsConcurrencyAtOnceAndLetsTheRestWaitForAFreeSender() throws InterruptedException {
        pool = SenderPool.create("bounded", 3);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        for (int send = 0; send < 5; send++) {
            pool.execute(() -> {
                running.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                finished.incrementAndGet();
            });
        }
        Await.until(() -> running.get() == 3);
        assertThat(((ThreadPoolExecutor) pool).getPoolSize()).isEqualTo(3);
        assertThat(((ThreadPoolExecutor) pool).getQueue()).hasSize(2);
        release.countDown();
        Await.until(() -> finished.get() == 5);
        assertThat(((ThreadPoolExecutor) pool).getLargestPoolSize()).isEqualTo(3);
    }

    @Test
    void refusesSendsOnceStopping() {
        pool = SenderPool.create("stopping", 2);
        pool.shutdown();
        assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void namesItsDaemonThreadsAfterThePlatform() throws InterruptedException {
        pool = SenderPool.create("retainbot-send-telegram", 2);
        CountDownLatch seen = new CountDownLatch(1);
        AtomicInteger daemon = new AtomicInteger();
        Set<String> names = ConcurrentHashMap.newKeySet();
        pool.execute(() -> {
            names.add(Thread.currentThread().getName());
            daemon.set(Thread.currentThread().isDaemon() ? 1 : 0);
            seen.countDown();
        });
        assertThat(seen.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(names).containsExactly("retainbot-send-telegram-1");
        assertThat(daemon.get()).isEqualTo(1);
    }
}
