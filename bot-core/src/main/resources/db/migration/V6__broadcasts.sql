-- Broadcasts: a template sent to a segment once or on a calendar rule; birthday greetings are a daily
-- broadcast to the customers whose birthday it is. Each occurrence is a run, and a run expands its
-- audience into deliveries: one row per (run, customer), so no customer gets a run twice.

create table broadcast (
    id            bigint generated always as identity primary key,
    name          text        not null unique check (length(name) between 1 and 100),
    kind          text        not null default 'broadcast' check (kind in ('broadcast', 'birthday')),
    segment_id    bigint      references segment (id),
    template_id   bigint      not null references message_template (id),
    rule          text,
    send_at       timestamptz,
    zone_mode     text        not null check (zone_mode in ('business', 'customer')),
    status        text        not null default 'active' check (status in ('active', 'paused', 'cancelled', 'finished')),
    -- the next occurrence as a local date and time, and the first moment it is due anywhere
    next_local    timestamp,
    next_due      timestamptz,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    check ((next_local is null) = (next_due is null)),
    check ((rule is null) <> (send_at is null)),
    check (kind = 'birthday' or segment_id is not null)
);
create unique index broadcast_one_birthday on broadcast (kind) where kind = 'birthday';
create index broadcast_due on broadcast (next_due) where status = 'active' and next_due is not null;

create table broadcast_run (
    id            bigint generated always as identity primary key,
    broadcast_id  bigint      not null references broadcast (id) on delete cascade,
    occurrence    timestamp   not null,
    status        text        not null default 'running' check (status in ('running', 'paused', 'cancelled', 'finished')),
    created_at    timestamptz not null,
    finished_at   timestamptz,
    unique (broadcast_id, occurrence)
);
create index broadcast_run_running on broadcast_run (id) where status = 'running';

create table delivery (
    run_id       bigint      not null references broadcast_run (id) on delete cascade,
    customer_id  bigint      not null references customer (id) on delete cascade,
    status       text        not null default 'pending'
                 check (status in ('pending', 'queued', 'sent', 'unreachable', 'failed', 'skipped')),
    reason       text,
    not_before   timestamptz not null,
    outbox_id    bigint,
    updated_at   timestamptz not null,
    primary key (run_id, customer_id)
);
create index delivery_pending on delivery (run_id, not_before) where status = 'pending';
create index delivery_queued on delivery (run_id) where status = 'queued';
-- the frequency cap asks when a customer last got marketing
create index delivery_customer_recent on delivery (customer_id, updated_at) where status in ('queued', 'sent');
