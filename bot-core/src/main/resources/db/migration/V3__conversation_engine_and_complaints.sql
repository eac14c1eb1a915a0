-- The conversation engine: inbox (exactly-once handling), conversation state, outbox (ordered,
-- laned sending), and what customers file through it: complaints with attachments and notes,
-- suggestions, and requests to talk to a person.

-- One row per inbound platform event, written in the same transaction as everything the event
-- caused. A second delivery of the same event finds its row and is not handled again.
create table inbox (
    platform     text        not null check (platform in ('telegram', 'discord', 'web')),
    event_id     text        not null,
    chat_id      text        not null,
    kind         text        not null,
    received_at  timestamptz not null,
    handled_at   timestamptz not null,
    outcome      text        not null check (outcome in ('handled', 'failed', 'ignored')),
    primary key (platform, event_id)
);
create index inbox_handled_at on inbox (handled_at);

-- Where each chat stands. The row is locked while an event of that chat is handled, so events of
-- one conversation are handled one at a time, in any number of threads or instances.
create table conversation (
    platform      text        not null check (platform in ('telegram', 'discord', 'web')),
    chat_id       text        not null,
    customer_id   bigint      references customer (id) on delete set null,
    flow          text        not null,
    state         text        not null,
    data          jsonb       not null default '{}'::jsonb,
    handed_over_at timestamptz,
    started_at    timestamptz not null,
    updated_at    timestamptz not null,
    primary key (platform, chat_id)
);
create index conversation_customer on conversation (customer_id);

-- Messages waiting to be sent, in order per chat, lanes first (0 reply, 1 staff, 2 bulk).
create table outbox (
    id                  bigint generated always as identity primary key,
    platform            text        not null check (platform in ('telegram', 'discord', 'web')),
    chat_id             text        not null,
    lane                smallint    not null check (lane between 0 and 2),
    message             jsonb       not null,
    customer_id         bigint,
    dedupe_key          text unique,
    status              text        not null default 'pending'
                        check (status in ('pending', 'sending', 'delivered', 'unreachable', 'failed', 'skipped')),
    attempts            integer     not null default 0,
    not_before          timestamptz not null,
    created_at          timestamptz not null,
    claimed_at          timestamptz,
    finished_at         timestamptz,
    platform_message_id text,
    last_error          text
);
create index outbox_open on outbox (platform, chat_id, lane, id) where status in ('pending', 'sending');
create index outbox_finished on outbox (finished_at) where status not in ('pending', 'sending');

-- Complaint references are C-<number>, starting at C-1001 so the first customer is not number 1.
create sequence complaint_number start with 1001;

create table complaint (
    id               bigint generated always as identity primary key,
    number           bigint      not null unique default nextval('complaint_number'),
    customer_id      bigint      not null references customer (id),
    platform         text        not null check (platform in ('telegram', 'discord', 'web')),
    chat_id          text        not null,
    category         text        not null,
    description      text        not null,
    order_reference  text,
    status           text        not null default 'open'
                     check (status in ('open', 'in_progress', 'resolved', 'referred', 'withdrawn')),
    language         text        not null,
    intake_started_at timestamptz not null,
    created_at       timestamptz not null,
    target_at        timestamptz not null,
    promised_at      timestamptz not null,
    updated_at       timestamptz not null,
    closed_at        timestamptz,
    check (promised_at >= target_at)
);
create index complaint_customer on complaint (customer_id, created_at desc);
create index complaint_status on complaint (status, created_at desc);

create table complaint_attachment (
    id               bigint generated always as identity primary key,
    complaint_id     bigint      not null references complaint (id) on delete cascade,
    platform_file_id text        not null,
    kind             text        not null check (kind in ('photo', 'document', 'video', 'audio', 'other')),
    media_type       text        not null default '',
    size_bytes       bigint      not null default 0 check (size_bytes >= 0),
    file_name        text        not null default '',
    added_at         timestamptz not null
);
create index complaint_attachment_complaint on complaint_attachment (complaint_id);

-- Details the customer added after filing, and later staff answers.
create table complaint_note (
    id            bigint generated always as identity primary key,
    complaint_id  bigint      not null references complaint (id) on delete cascade,
    author        text        not null check (author in ('customer', 'staff', 'system')),
    text          text        not null,
    created_at    timestamptz not null
);
create index complaint_note_complaint on complaint_note (complaint_id, created_at);

-- Suggestions: feedback that is not a complaint.
create table suggestion (
    id           bigint generated always as identity primary key,
    customer_id  bigint      not null references customer (id),
    platform     text        not null,
    chat_id      text        not null,
    text         text        not null,
    created_at   timestamptz not null
);

-- Requests to talk to a person, listed for staff until one of them takes it.
create table handover_request (
    id           bigint generated always as identity primary key,
    customer_id  bigint      not null references customer (id),
    platform     text        not null,
    chat_id      text        not null,
    status       text        not null default 'open' check (status in ('open', 'taken', 'closed')),
    created_at   timestamptz not null,
    closed_at    timestamptz
);
create index handover_request_open on handover_request (created_at) where status = 'open';

-- What the bot said to web chat visitors, read by the chat page (a web "send" is this insert).
create table web_message (
    id          bigint generated always as identity primary key,
    session_id  text        not null,
    message     jsonb       not null,
    sent_at     timestamptz not null
);
create index web_message_session on web_message (session_id, id);
