package io.retainbot.core.store;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.outbox.Lane;
import io.retainbot.core.outbox.OutboxEntry;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.outbox.SendSlot;
import io.retainbot.core.port.OutboxStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The outbox on {@link OutboxDao}, except the statements that run for every handled event (the enqueue) and
 * for every round and send of the dispatcher (due heads, claims, leases, the send window's places, deliveries):
 * those are plain JDBC statements on the transaction's connection (through the SqlObject the enqueue was about
 * half of the engine's Java time per event, and attaching the DAO a third of the dispatcher loop's at 1,000
 * sends a second; see the README's performance section). The DAO is attached only when a call needs it.
 */
final class JdbiOutboxStore implements OutboxStore {
    /**
     * The end of both enqueue statements' {@code with}: each row {@code inserted} becomes its chat's head when
     * the chat has none, or has only lower lanes waiting and is not being sent.
     */
    static final String NEW_HEADS = """
            ), head as (
                insert into outbox_chat as chat (platform, chat_id, head_id, lane_rank, due_at)
                select platform, chat_id, id, lane_rank, not_before from inserted
                on conflict (platform, chat_id) do update
                    set head_id = excluded.head_id, lane_rank = excluded.lane_rank,
                        due_at = greatest(excluded.due_at, coalesce(chat.held_until, excluded.due_at))
                    where chat.claimed_by is null and excluded.lane_rank < chat.lane_rank
            )
            """;
    /**
     * Adds a message and, in the same statement, makes it its chat's head if the chat has none or
     * only lower lanes waiting (and is not being sent); answers the new id, nothing for a used dedupe key.
     */
    static final String ENQUEUE = """
            with inserted as (
                insert into outbox (platform, chat_id, lane, message, customer_id, dedupe_key, not_before, created_at,
                                    complaint_number)
                values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)
                on conflict (dedupe_key) do nothing
                returning id, platform, chat_id, lane_rank, not_before
            """ + NEW_HEADS + """
            select id from inserted
            """;
    /**
     * {@link #ENQUEUE} for many messages of distinct chats and distinct dedupe keys in one statement (a
     * broadcast's batch): the rows come as arrays; answers each new message's dedupe key and id.
     */
    static final String ENQUEUE_ALL = """
            with item as (
                select * from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                     cast(? as bigint[]), cast(? as text[]), cast(cast(? as text[]) as timestamptz[]))
                    as item (platform, chat_id, lane, message, customer_id, dedupe_key, not_before)
            ), inserted as (
                insert into outbox (platform, chat_id, lane, message, customer_id, dedupe_key, not_before, created_at)
                select platform, chat_id, lane, cast(message as jsonb), customer_id, dedupe_key, not_before, not_before
                from item
                on conflict (dedupe_key) do nothing
                returning id, platform, chat_id, lane_rank, not_before, dedupe_key
            """ + NEW_HEADS + """
            select dedupe_key, id from inserted
            """;
    /**
     * Marks the delivered messages whose chat head this instance still claims, with the chat rows locked
     * (rows as arrays: message id, platform, chat, the platform's message id); answers the ids marked.
     */
    static final String DELIVERED_ALL = """
            with done as (
                select * from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
                    as done (id, platform, chat_id, message_id)
            ), held as (
                select chat.head_id from outbox_chat chat
                join done on chat.platform = done.platform and chat.chat_id = done.chat_id and chat.head_id = done.id
                where chat.claimed_by = ?
                for update of chat
            )
            update outbox o set status = 'delivered', platform_message_id = done.message_id, finished_at = ?,
                                attempts = o.attempts + 1
            from held join done on done.id = held.head_id
            where o.id = held.head_id
            returning o.id
            """;
    /**
     * Gives each of these chats (locked by the statement before, in this transaction) its next pending
     * message as head, unclaimed, or removes its head row when nothing is pending; as {@code advance} does
     * for one chat, one index probe per chat.
     */
    static final String ADVANCE_ALL = """
            with chats as (
                select * from unnest(cast(? as text[]), cast(? as text[])) as chats (platform, chat_id)
            ), next as (
                select chats.platform, chats.chat_id, pending.id, pending.lane_rank, pending.not_before
                from chats cross join lateral (
                    select id, lane_rank, not_before from outbox
                    where platform = chats.platform and chat_id = chats.chat_id and status = 'pending'
                    order by lane_rank, id
                    limit 1
                ) pending
            ), moved as (
                update outbox_chat chat
                set head_id = next.id, lane_rank = next.lane_rank,
                    due_at = greatest(next.not_before, coalesce(chat.held_until, next.not_before)),
                    claimed_by = null, lease_until = null
                from next
                where chat.platform = next.platform and chat.chat_id = next.chat_id
                returning chat.head_id
            )
            delete from outbox_chat chat using chats
            where chat.platform = chats.platform and chat.chat_id = chats.chat_id
              and not exists (select 1 from next where next.platform = chats.platform and next.chat_id = chats.chat_id)
            """;
    /** Makes sure the platform has a row for each place of its budget. */
    static final String PROVIDE_SLOTS = """
            insert into send_slot (platform, slot) select ?, n from generate_series(0, ? - 1) n
            on conflict (platform, slot) do nothing
            """;
    /**
     * Takes the platform's earliest places free by the horizon (a dead holder's a second after its lease
     * ended), skipping places another instance is taking right now; answers each place and when it opens.
     */
    static final String TAKE_SLOTS = """
            with free as (
                select platform, slot,
                       case when held_by is null then free_at else lease_until + interval '1 second' end as opens
                from send_slot
                where platform = ? and slot < ?
                  and case when held_by is null then free_at else lease_until + interval '1 second' end
                      <= cast(? as timestamptz)
                order by opens, slot
                limit ?
                for update skip locked
            )
            update send_slot place set held_by = ?, lease_until = ?, free_at = free.opens
            from free
            where place.platform = free.platform and place.slot = free.slot
            returning place.slot, greatest(free.opens, cast(? as timestamptz))
            """;
    /** Gives places back (rows as arrays: platform, place, free from), if this instance still holds them. */
    static final String RELEASE_SLOTS = """
            update send_slot place set held_by = null, lease_until = null,
                                       free_at = greatest(place.free_at, given.free_at)
            from unnest(cast(? as text[]), cast(? as bigint[]), cast(cast(? as text[]) as timestamptz[]))
                as given (platform, slot, free_at)
            where place.platform = given.platform and place.slot = given.slot and place.held_by = ?
            """;
    static final String RENEW_SLOTS = """
            update send_slot place set lease_until = ?
            from unnest(cast(? as text[]), cast(? as bigint[])) as held (platform, slot)
            where place.platform = held.platform and place.slot = held.slot and place.held_by = ?
            """;
    /**
     * The due, unclaimed heads of one platform: replies, then staff pings, then bulk, each lane read from the
     * index on (platform, lane, due time) and cut at its own limit (parameters: platform, now and limit, once per
     * lane).
     */
    static final String DUE_HEADS = """
            select o.id, o.platform, o.chat_id, o.lane, o.message::text, o.customer_id, o.attempts,
                   o.not_before, o.created_at, o.complaint_number, o.calls_made
            from (
                (select head_id, lane_rank, due_at from outbox_chat
                 where platform = ? and lane_rank = 0 and claimed_by is null and due_at <= ?
                 order by due_at limit ?)
                union all
                (select head_id, lane_rank, due_at from outbox_chat
                 where platform = ? and lane_rank = 1 and claimed_by is null and due_at <= ?
                 order by due_at limit ?)
                union all
                (select head_id, lane_rank, due_at from outbox_chat
                 where platform = ? and lane_rank = 2 and claimed_by is null and due_at <= ?
                 order by due_at limit ?)
            ) heads
            join outbox o on o.id = heads.head_id
            order by heads.lane_rank, heads.due_at, heads.head_id
            """;
    /**
     * Claims those chats whose head is still the given message and unclaimed; answers the claimed ids. A chat
     * another transaction is changing right now is skipped, not waited for.
     */
    static final String CLAIM = """
            with target as (
                select platform, chat_id from outbox_chat
                where platform = ? and chat_id = any(cast(? as text[])) and head_id = any(cast(? as bigint[]))
                  and claimed_by is null
                for update skip locked
            ), claimed as (
                update outbox_chat chat set claimed_by = ?, lease_until = ?
                from target
                where chat.platform = target.platform and chat.chat_id = target.chat_id
                returning chat.head_id
            )
            update outbox o set status = 'sending', claimed_at = ?, claimed_by = ?
            from claimed
            where o.id = claimed.head_id and o.status = 'pending'
            returning o.id
            """;
    /**
     * Extends the leases of this instance's claims on these heads (its sends under way); a chat locked right
     * now is renewed next time (leases outlast several renewals).
     */
    static final String RENEW_LEASES = """
            update outbox_chat chat set lease_until = ?
            from (select platform, chat_id from outbox_chat
                  where claimed_by = ? and head_id = any(cast(? as bigint[])) for update skip locked) mine
            where chat.platform = mine.platform and chat.chat_id = mine.chat_id and chat.claimed_by = ?
            """;
    /**
     * Hands back claims whose lease ran out (their instance died or stalled), except this instance's own claims
     * on the sends it still has under way, whatever the clock says; the head stays the same message.
     */
    static final String RELEASE_EXPIRED = """
            with expired as (
                select platform, chat_id from outbox_chat
                where claimed_by is not null and lease_until < ?
                  and not (claimed_by = ? and head_id = any(cast(? as bigint[])))
                for update skip locked
            ), released as (
                update outbox_chat chat set claimed_by = null, lease_until = null
                from expired
                where chat.platform = expired.platform and chat.chat_id = expired.chat_id
                returning chat.head_id
            )
            update outbox o set status = 'pending', claimed_at = null, claimed_by = null
            from released
            where o.id = released.head_id and o.status = 'sending'
            returning o.id
            """;
    /** The earliest due time of an unclaimed head: one index probe per platform and lane. */
    static final String NEXT_DUE = """
            select min((select due_at from outbox_chat
                        where platform = platforms.platform and lane_rank = lanes.rank and claimed_by is null
                        order by due_at limit 1))
            from unnest(array['telegram', 'discord', 'web']) platforms (platform),
                 generate_series(0, 2) lanes (rank)
            """;
    private static final int MAX_ERROR_LENGTH = 1000;
    private final JdbcStatements statements;
    private final Supplier<OutboxDao> daos;

    JdbiOutboxStore(JdbcStatements statements, Supplier<OutboxDao> daos) {
        this.statements = statements;
        this.daos = daos;
    }

    @Override
    public Optional<Long> enqueue(OutboxItem item) {
        return statements.first(ENQUEUE, row -> row.getLong(1), item.channel().platform().code(),
                item.channel().chatId(), item.lane().storedName(), Json.write(item.message()),
                JdbcStatements.bigint(item.customerId()), JdbcStatements.text(item.dedupeKey()), item.notBefore(),
                item.notBefore(), JdbcStatements.bigint(item.complaintNumber()));
    }

    @Override
    public Map<String, Long> enqueueAll(List<OutboxItem> items) {
        Map<String, Long> ids = new HashMap<>();
        List<OutboxItem> together = new ArrayList<>();
        List<OutboxItem> alone = new ArrayList<>();
        Set<ChannelRef> chats = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (OutboxItem item : items) {
            if (item.dedupeKey() == null || item.complaintNumber() != null) {
                throw new IllegalArgumentException("a batch takes messages with a dedupe key and no complaint");
            }
            if (chats.add(item.channel()) && keys.add(item.dedupeKey())) {
                together.add(item);
            } else {
                // one statement cannot make two messages of one chat its head: the rare second goes after, alone
                alone.add(item);
            }
        }
        if (!together.isEmpty()) {
            enqueueTogether(together, ids);
        }
        for (OutboxItem item : alone) {
            enqueue(item).ifPresent(id -> ids.put(item.dedupeKey(), id));
        }
        return ids;
    }

    private void enqueueTogether(List<OutboxItem> together, Map<String, Long> ids) {
        int size = together.size();
        String[] platforms = new String[size];
        String[] chatIds = new String[size];
        String[] lanes = new String[size];
        String[] messages = new String[size];
        Long[] customers = new Long[size];
        String[] dedupeKeys = new String[size];
        String[] notBefore = new String[size];
        for (int i = 0; i < size; i++) {
            OutboxItem item = together.get(i);
            platforms[i] = item.channel().platform().code();
            chatIds[i] = item.channel().chatId();
            lanes[i] = item.lane().storedName();
            messages[i] = Json.write(item.message());
            customers[i] = item.customerId();
            dedupeKeys[i] = item.dedupeKey();
            notBefore[i] = item.notBefore().toString();
        }
        statements.all(ENQUEUE_ALL, row -> Map.entry(row.getString(1), row.getLong(2)), platforms, chatIds, lanes,
                messages, customers, dedupeKeys, notBefore).forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
    }

    private OutboxDao dao() {
        return daos.get();
    }

    @Override
    public List<OutboxEntry> dueHeads(Platform platform, Instant now, Map<Lane, Integer> limits) {
        String code = platform.code();
        return statements.all(DUE_HEADS, JdbiOutboxStore::toEntry, code, now, limits.getOrDefault(Lane.REPLY, 0), code,
                now, limits.getOrDefault(Lane.STAFF, 0), code, now, limits.getOrDefault(Lane.BULK, 0));
    }

    @Override
    public List<Long> claim(Platform platform, Collection<OutboxEntry> heads, String instance, Instant now,
                            Instant leaseUntil) {
        if (heads.isEmpty()) {
            return List.of();
        }
        for (OutboxEntry head : heads) {
            if (head.channel().platform() != platform) {
                throw new IllegalArgumentException(head.channel() + " is not on " + platform);
            }
        }
        return statements.all(CLAIM, row -> row.getLong(1), platform.code(),
                heads.stream().map(head -> head.channel().chatId()).toArray(String[]::new),
                heads.stream().map(OutboxEntry::id).toArray(Long[]::new), instance, leaseUntil, now, instance);
    }

    @Override
    public boolean markDelivered(OutboxEntry entry, String instance, String platformMessageId, Instant at) {
        if (!holds(entry, instance)) {
            return false;
        }
        dao().delivered(entry.id(), platformMessageId, at);
        advance(entry.channel());
        return true;
    }

    @Override
    public Set<Long> markAllDelivered(Collection<OutboxEntry> entries, Map<Long, String> platformMessageIds,
                                      String instance, Instant at) {
        if (entries.isEmpty()) {
            return Set.of();
        }
        int size = entries.size();
        Long[] ids = new Long[size];
        String[] platforms = new String[size];
        String[] chats = new String[size];
        String[] messageIds = new String[size];
        int i = 0;
        for (OutboxEntry entry : entries) {
            ids[i] = entry.id();
            platforms[i] = entry.channel().platform().code();
            chats[i] = entry.channel().chatId();
            messageIds[i] = platformMessageIds.get(entry.id());
            i++;
        }
        Set<Long> marked = new HashSet<>(statements.all(DELIVERED_ALL, row -> row.getLong(1), ids, platforms, chats,
                messageIds, instance, at));
        List<String> movedPlatforms = new ArrayList<>();
        List<String> movedChats = new ArrayList<>();
        for (OutboxEntry entry : entries) {
            if (marked.contains(entry.id())) {
                movedPlatforms.add(entry.channel().platform().code());
                movedChats.add(entry.channel().chatId());
            }
        }
        if (!movedChats.isEmpty()) {
            statements.update(ADVANCE_ALL, movedPlatforms.toArray(String[]::new), movedChats.toArray(String[]::new));
        }
        return marked;
    }

    @Override
    public boolean markFailed(OutboxEntry entry, String instance, String error, Instant at) {
        if (!holds(entry, instance)) {
            return false;
        }
        dao().finish(entry.id(), "failed", bounded(error), at);
        advance(entry.channel());
        return true;
    }

    @Override
    public boolean markUnreachable(OutboxEntry entry, String instance, String reason, Instant at) {
        if (!holds(entry, instance)) {
            return false;
        }
        dao().finish(entry.id(), "unreachable", bounded(reason), at);
        dao().skipPending(entry.channel().platform().code(), entry.channel().chatId(),
                "recipient unreachable: " + bounded(reason), at);
        advance(entry.channel());
        return true;
    }

    @Override
    public boolean retryLater(OutboxEntry entry, String instance, Instant notBefore, String error,
                              boolean countAttempt) {
        if (!holds(entry, instance)) {
            return false;
        }
        dao().putBack(entry.id(), notBefore, bounded(error), countAttempt);
        dao().holdChat(entry.channel().platform().code(), entry.channel().chatId(), notBefore);
        advance(entry.channel());
        return true;
    }

    @Override
    public int renewLeases(String instance, Collection<Long> heads, Instant leaseUntil) {
        return statements.update(RENEW_LEASES, leaseUntil, instance, heads.toArray(Long[]::new), instance);
    }

    @Override
    public List<SendSlot> takeSlots(Platform platform, int budget, int wanted, String instance, Instant now,
                                    Instant horizon, Instant leaseUntil) {
        if (wanted <= 0) {
            return List.of();
        }
        List<SendSlot> taken = take(platform, budget, wanted, instance, now, horizon, leaseUntil);
        if (taken.isEmpty() && statements.first("select 1 from send_slot where platform = ? and slot = ?",
                row -> row.getInt(1), platform.code(), budget - 1).isEmpty()) {
            // the first send of this budget (or a larger budget than before): its places are made first
            statements.update(PROVIDE_SLOTS, platform.code(), budget);
            taken = take(platform, budget, wanted, instance, now, horizon, leaseUntil);
        }
        return taken;
    }

    private List<SendSlot> take(Platform platform, int budget, int wanted, String instance, Instant now,
                                Instant horizon, Instant leaseUntil) {
        return statements.all(TAKE_SLOTS, row -> new SendSlot(platform, row.getInt(1), JdbcStatements.instant(row, 2)),
                platform.code(), budget, horizon, wanted, instance, leaseUntil, now).stream()
                .sorted(Comparator.comparing(SendSlot::opensAt)).toList();
    }

    @Override
    public void releaseSlots(String instance, Collection<SendSlot> slots) {
        if (slots.isEmpty()) {
            return;
        }
        statements.update(RELEASE_SLOTS, slots.stream().map(slot -> slot.platform().code()).toArray(String[]::new),
                slots.stream().map(slot -> (long) slot.number()).toArray(Long[]::new),
                slots.stream().map(slot -> slot.opensAt().toString()).toArray(String[]::new), instance);
    }

    @Override
    public void holdSlots(Platform platform, Instant until) {
        statements.update("update send_slot set free_at = greatest(free_at, ?) where platform = ?", until,
                platform.code());
    }

    @Override
    public void releaseSlotsOf(String instance, Instant freeFrom) {
        statements.update("""
                update send_slot set held_by = null, lease_until = null, free_at = greatest(free_at, ?)
                where held_by = ?
                """, freeFrom, instance);
    }

    @Override
    public void renewSlots(String instance, Collection<SendSlot> slots, Instant leaseUntil) {
        if (slots.isEmpty()) {
            return;
        }
        statements.update(RENEW_SLOTS, leaseUntil,
                slots.stream().map(slot -> slot.platform().code()).toArray(String[]::new),
                slots.stream().map(slot -> (long) slot.number()).toArray(Long[]::new), instance);
    }

    @Override
    public int releaseExpired(Instant now, String instance, Collection<Long> sending) {
        return statements.all(RELEASE_EXPIRED, row -> row.getLong(1), now, instance, sending.toArray(Long[]::new)).size();
    }

    @Override
    public void madeCalls(OutboxEntry entry, String instance, int calls) {
        dao().madeCalls(entry.id(), instance, calls);
    }

    @Override
    public int releaseClaims(String instance) {
        return dao().releaseClaims(instance).size();
    }

    @Override
    public Optional<Instant> nextDue() {
        return statements.first(NEXT_DUE, row -> Optional.ofNullable(JdbcStatements.instant(row, 1)))
                .flatMap(due -> due);
    }

    @Override
    public int skipPending(ChannelRef channel, String reason, Instant at) {
        String platform = channel.platform().code();
        boolean free = dao().lockUnclaimed(platform, channel.chatId()) > 0;
        int skipped = dao().skipPending(platform, channel.chatId(), bounded(reason), at);
        if (free) {
            dao().advance(platform, channel.chatId());
        }
        return skipped;
    }

    @Override
    public long countPending() {
        return dao().countPending();
    }

    private boolean holds(OutboxEntry entry, String instance) {
        return dao().lockClaim(entry.channel().platform().code(), entry.channel().chatId(), entry.id(), instance) > 0;
    }

    private void advance(ChannelRef channel) {
        dao().advance(channel.platform().code(), channel.chatId());
    }

    private static OutboxEntry toEntry(ResultSet row) throws SQLException {
        return new OutboxEntry(row.getLong(1), new ChannelRef(Platform.fromCode(row.getString(2)), row.getString(3)),
                Lane.fromStoredName(row.getString(4)), Json.read(row.getString(5), OutboundMessage.class),
                JdbcStatements.nullableLong(row, 6), row.getInt(7), JdbcStatements.instant(row, 8),
                JdbcStatements.instant(row, 9), JdbcStatements.nullableLong(row, 10), row.getInt(11));
    }

    private static String bounded(String text) {
        String safe = TextSanitizer.withoutNul(text == null ? "" : text);
        return safe.length() <= MAX_ERROR_LENGTH ? safe : safe.substring(0, MAX_ERROR_LENGTH);
    }
}
