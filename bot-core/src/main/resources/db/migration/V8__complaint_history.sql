-- A complaint's own history: the interaction log rows written while it was filed, added to or
-- withdrawn carry its number (a filing takes its number when it starts, so the whole intake is
-- linked; a cancelled filing's number is never used). Outbox rows carry it until they are sent and
-- logged. Not a foreign key: the number is taken before the complaint row exists.
alter table interaction add column complaint_number bigint;
create index interaction_complaint on interaction (complaint_number, occurred_at, id) where complaint_number is not null;

alter table outbox add column complaint_number bigint;

-- The log stays append-only; the complaint link, like everything but the customer, never changes.
create or replace function interaction_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'the interaction log is append-only: rows cannot be deleted';
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
