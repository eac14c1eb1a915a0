package io.retainbot.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each chat's work in arrival order and different chats in parallel: a chat always lands on
 * the same one of a few single-threaded lanes.
 */
final class ChatOrderedExecutor implements AutoCloseable {
    private final List<ExecutorService> lanes = new ArrayList<>();

    ChatOrderedExecutor(int size, String name) {
        AtomicInteger counter = new AtomicInteger();
        for (int i = 0; i < size; i++) {
            lanes.add(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }));
        }
    }

    void execute(String chatId, Runnable work) {
        lanes.get(Math.floorMod(chatId.hashCode(), lanes.size())).execute(work);
    }

    @Override
    public void close() {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            try {
                if (!lane.awaitTermination(10, TimeUnit.SECONDS)) {
                    lane.shutdownNow();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
