-- The outbox for bulk and for several instances.
--
-- Lanes are stored by name; lane_rank (derived) orders them: replies, then staff pings, then bulk.
-- Each chat with something to send has one row in outbox_chat naming its head: the message to send
-- next, or the one being sent. The dispatcher finds due heads through an index on (platform, lane,
-- due time), so a poll costs the same with ten queued rows or a hundred thousand. A claim is the head
-- row marked with the instance that sends it and a lease that instance renews while the send runs;
-- a lease that ran out (the instance died) is taken over by any instance.

alter table outbox drop constraint outbox_lane_check;
alter table outbox alter column lane type text
    using (case lane when 0 then 'reply' when 1 then 'staff' else 'bulk' end);
alter table outbox add constraint outbox_lane_check check (lane in ('reply', 'staff', 'bulk'));
alter table outbox add column lane_rank smallint not null
    generated always as (case lane when 'reply' then 0 when 'staff' then 1 else 2 end) stored;
alter table outbox add column claimed_by text;

drop index outbox_open;
create index outbox_pending_by_chat on outbox (platform, chat_id, lane_rank, id) where status = 'pending';

create table outbox_chat (
    platform    text        not null check (platform in ('telegram', 'discord', 'web')),
    chat_id     text        not null,
    head_id     bigint      not null,
    lane_rank   smallint    not null,
    due_at      timestamptz not null,
    held_until  timestamptz,
    claimed_by  text,
    lease_until timestamptz,
    primary key (platform, chat_id),
    check ((claimed_by is null) = (lease_until is null))
);
create index outbox_chat_due on outbox_chat (platform, lane_rank, due_at) where claimed_by is null;
create index outbox_chat_claims on outbox_chat (claimed_by, lease_until) where claimed_by is not null;

-- Whatever an earlier version left being sent is pending again and, per chat, the head.
update outbox set status = 'pending', claimed_at = null where status = 'sending';
insert into outbox_chat (platform, chat_id, head_id, lane_rank, due_at)
select distinct on (platform, chat_id) platform, chat_id, id, lane_rank, not_before
from outbox
where status = 'pending'
order by platform, chat_id, lane_rank, id;
