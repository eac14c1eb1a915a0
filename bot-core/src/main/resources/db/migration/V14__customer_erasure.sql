-- The customer's own data: erasure on request. An erased customer's row stays (anonymised, with
-- erased_at) so that their complaints stay countable; what identifies them or what they wrote is gone.

alter table customer add column erased_at timestamptz;

-- The record that an erasure happened: who asked (the customer with /forget, or staff with a reason).
create table customer_erasure (
    id            bigint generated always as identity primary key,
    customer_id   bigint      not null references customer (id),
    requested_by  text        not null check (requested_by in ('customer', 'staff', 'admin')),
    staff_id      bigint      references staff (id) on delete set null,
    reason        text        not null,
    erased_at     timestamptz not null
);
create index customer_erasure_customer on customer_erasure (customer_id);

-- The interaction log stays append-only, with one exception: an erasure may empty a row's content
-- (summary and platform message id; the chat becomes 'erased'), keeping when, which way and what kind for the statistics.
create or replace function interaction_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'the interaction log is append-only: rows cannot be deleted';
    end if;
    if new.summary = '' and new.chat_id = 'erased' and new.platform_message_id is null
       and (new.platform, new.direction, new.kind, new.occurred_at, new.complaint_number)
           is not distinct from (old.platform, old.direction, old.kind, old.occurred_at, old.complaint_number)
       and new.id = old.id and new.customer_id is not distinct from old.customer_id then
        return new;
    end if;
    if (new.platform, new.chat_id, new.direction, new.kind, new.platform_message_id, new.summary, new.occurred_at,
        new.complaint_number)
       is distinct from
       (old.platform, old.chat_id, old.direction, old.kind, old.platform_message_id, old.summary, old.occurred_at,
        old.complaint_number)
       or new.id <> old.id then
        raise exception 'the interaction log is append-only: only the customer may change (by a merge)';
    end if;
    return new;
end;
$$;
