package io.retainbot.core.store;

/** SQL about the outbox's per-chat heads that more than one statement needs. */
final class OutboxHeads {
    /**
     * The end of a statement that first selects, as {@code stale}, locked {@code outbox_chat} rows whose
     * head was skipped: each such chat gets its next pending message as head, or loses its head row when
     * nothing is left (the outbox finds heads only through {@code outbox_chat}, so a head left on a
     * skipped message would stall the chat).
     */
    static final String MOVE_PAST_STALE = """
            , next as (
                select distinct on (o.platform, o.chat_id) o.platform, o.chat_id, o.id, o.lane_rank, o.not_before
                from outbox o join stale s on s.platform = o.platform and s.chat_id = o.chat_id
                where o.status = 'pending'
                order by o.platform, o.chat_id, o.lane_rank, o.id
            ), moved as (
                update outbox_chat chat
                set head_id = next.id, lane_rank = next.lane_rank,
                    due_at = greatest(next.not_before, coalesce(chat.held_until, next.not_before))
                from next
                where chat.platform = next.platform and chat.chat_id = next.chat_id
                returning chat.head_id
            )
            delete from outbox_chat chat using stale
            where chat.platform = stale.platform and chat.chat_id = stale.chat_id
              and not exists (select 1 from next where next.platform = stale.platform and next.chat_id = stale.chat_id)
            """;

    private OutboxHeads() {
    }
}
