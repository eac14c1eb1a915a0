package io.retainbot.core.engine;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.flow.Conversation;
import io.retainbot.core.port.EventIntake;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.Transactor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transactor for building groups on purpose: while closed, every transaction waits at the gate (holding its
 * place as a committer) so the events that arrive meanwhile queue up; it records the size of every group it ran.
 * It can also hold a group inside its transaction after its first event ran, and plant a bug: finishing a chosen
 * chat's event (its log, state and replies) throws, a given number of times.
 */
final class GatedTransactor implements Transactor {
    private final Transactor delegate;
    private final AtomicInteger atTheGate = new AtomicInteger();
    private final List<Integer> groups = new ArrayList<>();
    private final Map<ChannelRef, AtomicInteger> bugs = new ConcurrentHashMap<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile CountDownLatch groupGate = new CountDownLatch(0);

    GatedTransactor(Transactor delegate) {
        this.delegate = delegate;
    }

    /** From now on, transactions wait at the gate until {@link #open}. */
    void close() {
        gate = new CountDownLatch(1);
    }

    void open() {
        gate.countDown();
    }

    /** From now on, a group waits at a second gate after its first event ran (inside its transaction). */
    void holdGroupsAfterTheirFirstEvent() {
        groupGate = new CountDownLatch(1);
    }

    void releaseGroups() {
        groupGate.countDown();
    }

    /** How many transactions wait at either gate now. */
    int waitingAtTheGate() {
        return atTheGate.get();
    }

    /** The sizes of the groups run so far (not counting transactions of one event), in order. */
    synchronized List<Integer> groups() {
        return List.copyOf(groups);
    }

    /** Finishing this chat's event fails the next {@code times} times, as a bug in a flow would. */
    void failFinishing(ChannelRef chat, int times) {
        bugs.put(chat, new AtomicInteger(times));
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        passTheGate(gate);
        return delegate.inTransaction(session -> work.run(withBugs(session)));
    }

    @Override
    public <T> List<T> inOneTransaction(List<Work<T>> pieces) {
        synchronized (this) {
            groups.add(pieces.size());
        }
        passTheGate(gate);
        List<Work<T>> buggy = new ArrayList<>();
        for (Work<T> piece : pieces) {
            buggy.add(buggy.isEmpty() ? session -> {
                T result = piece.run(withBugs(session));
                passTheGate(groupGate);
                return result;
            } : session -> piece.run(withBugs(session)));
        }
        return delegate.inOneTransaction(buggy);
    }

    private void passTheGate(CountDownLatch latch) {
        atTheGate.incrementAndGet();
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the gate", e);
        } finally {
            atTheGate.decrementAndGet();
        }
    }

    private StoreSession withBugs(StoreSession session) {
        EventIntake intake = session.intake();
        EventIntake buggy = proxy(EventIntake.class, (proxy, method, args) -> {
            if (method.getName().equals("finish") && args[1] instanceof Conversation finished
                    && bugs.getOrDefault(finished.channel(), new AtomicInteger()).getAndDecrement() > 0) {
                throw new IllegalStateException("a planted bug finishing an event of " + finished.channel());
            }
            return invoke(intake, method, args);
        });
        return proxy(StoreSession.class, (proxy, method, args) -> method.getName().equals("intake")
                ? buggy : invoke(session, method, args));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
