package io.retainbot.core.engine;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.engine.EventSink.Receipt;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.Transactor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customer events of different chats that arrive together share one transaction, so one commit (and
 * one round of PostgreSQL's per-transaction work, one flush of its log to disk, one Jdbi handle) covers
 * them all. There is no committer thread and no waiting for a group to fill: the thread that brings an
 * event handles, when one of the {@code committers} places is free, its own event and whatever else is
 * waiting then; the others wait for that commit. Nobody returns before the commit that holds their
 * event, so no platform is told an event was received, no web reply is sent and no reply is visible to
 * the outbox before it is durable. An event alone in its group takes the path of a single event.
 *
 * <p>A group holds at most one event per chat, and a chat with an event in a running group has no other
 * event taken until that one is finished: a chat's events are handled in the order they arrived, one at
 * a time, as under the conversation lock. There are no savepoints (each would cost a round trip and a
 * subtransaction): when anything in a group fails, the whole group is rolled back and each of its events
 * is then handled alone, as a single event always was (a bug is recorded and apologised for, a lost
 * connection is replaced, an event that cannot be stored fails its own caller only), before the next
 * event of its chat.
 */
public final class GroupCommit {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** The most events in one transaction (a bound on how long a group holds its chats' locks). */
    static final int MAX_EVENTS = 16;

    /**
     * How many groups are handled at once when grouping, each a transaction on a connection of its own. Two used
     * the least CPU per event on the 2-core machine (groups are larger); four saved little against single events
     * (EngineBenchmark, README's Performance section).
     */
    public static final int COMMITTERS = 2;

    /** How one event is handled inside a transaction (inbox, lock, flow, state, outbox). */
    @FunctionalInterface
    interface Handling {
        Receipt handle(StoreSession session, InboundEvent event);
    }

    /** How one event is handled in a transaction of its own, failures included. */
    @FunctionalInterface
    interface Alone {
        Receipt accept(InboundEvent event);
    }

    private enum State { QUEUED, TAKEN, DONE, ALONE }

    /** One caller's event, from its arrival until its commit. Fields guarded by {@link #lock}. */
    private static final class Waiting {
        final InboundEvent event;
        State state = State.QUEUED;
        Receipt receipt;
        RuntimeException failure;

        Waiting(InboundEvent event) {
            this.event = event;
        }
    }

    private final Transactor transactor;
    private final Handling handling;
    private final Alone alone;
    private final Runnable afterCommit;
    private final int committers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final LinkedList<Waiting> queue = new LinkedList<>();
    private final Set<ChannelRef> busy = new HashSet<>();
    private int running;

    /**
     * @param committers  how many groups may be handled at once (each is a transaction on a connection of its own)
     * @param afterCommit called once after a group's commit when any of its events was handled
     */
    GroupCommit(Transactor transactor, Handling handling, Alone alone, Runnable afterCommit, int committers) {
        if (committers < 1) {
            throw new IllegalArgumentException("committers must be at least 1, got " + committers);
        }
        this.transactor = transactor;
        this.handling = handling;
        this.alone = alone;
        this.afterCommit = afterCommit;
        this.committers = committers;
    }

    /** Handles the event with whatever else waits; returns after the commit that holds it. */
    Receipt accept(InboundEvent event) {
        Waiting mine = new Waiting(event);
        lock.lock();
        try {
            queue.addLast(mine);
            while (mine.state == State.QUEUED || mine.state == State.TAKEN) {
                if (mine.state == State.QUEUED && running < committers && !busy.contains(event.channel())) {
                    lead();
                } else {
                    changed.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
        if (mine.state == State.ALONE) {
            return handleAlone(mine);
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.receipt;
    }

    /** How many events wait for a place in a group (for tests that build a group on purpose). */
    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Takes what waits, handles it outside the lock, and records the outcome. Called holding the lock. */
    private void lead() {
        List<Waiting> group = take();
        running++;
        lock.unlock();
        try {
            run(group);
        } finally {
            lock.lock();
            running--;
            for (Waiting member : group) {
                if (member.state == State.TAKEN) {
                    // run() ended in an Error: nobody may wait for an outcome that will not come
                    member.state = State.DONE;
                    member.failure = new IllegalStateException("the group holding this event broke off");
                }
                if (member.state != State.ALONE) {
                    busy.remove(member.event.channel());
                }
            }
            changed.signalAll();
        }
    }

    /** In arrival order, the first waiting event of each chat that is not busy, up to {@link #MAX_EVENTS}. */
    private List<Waiting> take() {
        List<Waiting> group = new ArrayList<>();
        Set<ChannelRef> skipped = new HashSet<>();
        for (Iterator<Waiting> waiting = queue.iterator(); waiting.hasNext() && group.size() < MAX_EVENTS; ) {
            Waiting next = waiting.next();
            ChannelRef chat = next.event.channel();
            if (busy.contains(chat) || skipped.contains(chat)) {
                skipped.add(chat);
                continue;
            }
            waiting.remove();
            next.state = State.TAKEN;
            busy.add(chat);
            group.add(next);
        }
        return group;
    }

    /** Runs a group outside the lock; sets each member's outcome (read by its caller under the lock). */
    private void run(List<Waiting> group) {
        if (group.size() == 1) {
            Waiting only = group.get(0);
            try {
                finish(only, State.DONE, alone.accept(only.event), null);
            } catch (RuntimeException failure) {
                // the single-event path records the event's own failures; what escapes it reaches its caller
                finish(only, State.DONE, null, failure);
            }
            return;
        }
        List<Transactor.Work<Receipt>> pieces = new ArrayList<>(group.size());
        for (Waiting member : group) {
            pieces.add(session -> handling.handle(session, member.event));
        }
        List<Receipt> receipts;
        try {
            receipts = transactor.inOneTransaction(pieces);
        } catch (RuntimeException failure) {
            log.info("a group of {} events was rolled back ({}); handling each alone", group.size(),
                    failure.toString());
            group.forEach(member -> finish(member, State.ALONE, null, null));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            finish(group.get(i), State.DONE, receipts.get(i), null);
        }
        if (receipts.contains(Receipt.HANDLED)) {
            afterCommit.run();
        }
    }

    private void finish(Waiting member, State state, Receipt receipt, RuntimeException failure) {
        lock.lock();
        try {
            member.state = state;
            member.receipt = receipt;
            member.failure = failure;
        } finally {
            lock.unlock();
        }
    }

    /** An event of a group that was rolled back: handled in a transaction of its own, its chat busy until then. */
    private Receipt handleAlone(Waiting mine) {
        try {
            return alone.accept(mine.event);
        } finally {
            lock.lock();
            try {
                busy.remove(mine.event.channel());
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
