-- Domain events, the handlers that react to them, who handles a complaint, survey answers, scheduled
-- work (db-scheduler's table) and scheduled events in the inbox.

-- Facts the business cares about (a complaint filed, claimed, resolved; consent given or withdrawn),
-- written in the same transaction as the change they describe. Business records: never pruned.
create table domain_event (
    id           bigint generated always as identity primary key,
    kind         text        not null,
    customer_id  bigint      not null,
    complaint_id bigint,
    payload      jsonb       not null,
    occurred_at  timestamptz not null
);
create index domain_event_customer on domain_event (customer_id, id);
create index domain_event_complaint on domain_event (complaint_id, id) where complaint_id is not null;

-- One row per event and handler that must react to it, written with the event. A handler's effects
-- and its row turning 'done' commit together, so a crash in between runs the handler again, later.
create table domain_event_delivery (
    event_id     bigint      not null references domain_event (id) on delete cascade,
    handler      text        not null,
    status       text        not null default 'pending' check (status in ('pending', 'done', 'failed')),
    attempts     integer     not null default 0,
    not_before   timestamptz not null,
    last_error   text,
    finished_at  timestamptz,
    primary key (event_id, handler)
);
create index domain_event_delivery_due on domain_event_delivery (not_before, event_id) where status = 'pending';
create index domain_event_delivery_finished on domain_event_delivery (finished_at) where status <> 'pending';

-- Who handles a complaint, and when it was taken on and resolved.
alter table complaint
    add column assignee_staff_id bigint references staff (id) on delete set null,
    add column claimed_at        timestamptz,
    add column resolved_at       timestamptz;
create index complaint_assignee on complaint (assignee_staff_id, created_at desc) where assignee_staff_id is not null;

-- What customers answered when asked how it went after a complaint (1 to 5 per question).
create table satisfaction_answer (
    complaint_id  bigint      not null references complaint (id) on delete cascade,
    question      text        not null check (question in ('satisfaction')),
    score         smallint    not null check (score between 1 and 5),
    answered_at   timestamptz not null,
    primary key (complaint_id, question)
);

-- Scheduled events (a survey due, a birthday) enter the inbox like platform updates, under the source
-- 'schedule' and their deterministic id; one the customer was too busy for is recorded as 'skipped'.
alter table inbox drop constraint inbox_platform_check;
alter table inbox add constraint inbox_platform_check check (platform in ('telegram', 'discord', 'web', 'schedule'));
alter table inbox drop constraint inbox_outcome_check;
alter table inbox add constraint inbox_outcome_check check (outcome in ('handled', 'failed', 'ignored', 'skipped'));

-- db-scheduler's table (com.github.kagkarlsson:db-scheduler), as its PostgreSQL schema defines it.
create table scheduled_tasks (
    task_name             text                     not null,
    task_instance         text                     not null,
    task_data             bytea,
    execution_time        timestamp with time zone not null,
    picked                boolean                  not null,
    picked_by             text,
    last_success          timestamp with time zone,
    last_failure          timestamp with time zone,
    consecutive_failures  integer,
    last_heartbeat        timestamp with time zone,
    version               bigint                   not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
