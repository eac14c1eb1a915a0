package io.retainbot.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseHealthTest {
    @Test
    void saysDownWhenTheDatabaseDoesNotAnswerAndStartsNoSecondCheckMeanwhile() throws Exception {
        CountDownLatch hung = new CountDownLatch(1);
        AtomicInteger checks = new AtomicInteger();
        try (DatabaseHealth health = new DatabaseHealth(() -> {
            checks.incrementAndGet();
            try {
                hung.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        }, Duration.ofMillis(50), Duration.ZERO)) {
            ExecutorService callers = Executors.newFixedThreadPool(8);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(callers.submit(health::isUp));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isFalse();
            }
            callers.shutdown();

            assertThat(checks.get()).isEqualTo(1);
            hung.countDown();
        }
    }

    @Test
    void followsTheDatabaseDownAndUpAgain() {
        AtomicBoolean up = new AtomicBoolean(true);
        try (DatabaseHealth health = new DatabaseHealth(up::get, Duration.ofSeconds(5), Duration.ZERO)) {
            assertThat(health.isUp()).isTrue();
            up.set(false);
            assertThat(health.isUp()).isFalse();
            up.set(true);
            assertThat(health.isUp()).isTrue();
        }
    }

    @Test
    void countsAFailingCheckAsDown() {
        try (DatabaseHealth health = new DatabaseHealth(() -> {
            throw new IllegalStateException("connection refused");
        }, Duration.ofSeconds(5), Duration.ZERO)) {
            assertThat(health.isUp()).isFalse();
        }
    }
}
