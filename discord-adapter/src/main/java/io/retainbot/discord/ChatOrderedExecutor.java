package io.retainbot.discord;

import io.retainbot.core.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;

/**
 * Runs each chat's work in arrival order and different chats in parallel: a chat always lands on
 * the same one of a few single-threaded lanes. Each lane holds at most {@code capacity} waiting
 * tasks; when a lane is full, {@link #execute} waits for room, so a flood of events slows down the
 * thread that reads them from Discord instead of filling the heap. After {@link #close} nothing
 * more is taken ({@link RejectedExecutionException}).
 */
final class ChatOrderedExecutor implements AutoCloseable {
    static final int DEFAULT_CAPACITY = 1_000;
    private final List<ExecutorService> lanes = new ArrayList<>();

    ChatOrderedExecutor(int size, String name) {
        this(size, DEFAULT_CAPACITY, name);
    }

    ChatOrderedExecutor(int size, int capacity, String name) {
        ThreadFactory threads = DaemonThreads.named(name);
        for (int i = 0; i < size; i++) {
            lanes.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                    threads, WAIT_FOR_ROOM));
        }
    }

    private static final RejectedExecutionHandler WAIT_FOR_ROOM = (work, lane) -> {
        if (lane.isShutdown()) {
            throw new RejectedExecutionException("stopped: not taking more Discord events");
        }
        try {
            lane.getQueue().put(work);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("interrupted while waiting for room", interrupted);
        }
    };

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
