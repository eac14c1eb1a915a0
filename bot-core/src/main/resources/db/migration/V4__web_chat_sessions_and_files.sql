-- The web chat's own records: the sessions the server issued, what the visitor said (next to what
-- the bot said, in one ordered transcript), and the files customers upload through the page.

-- Sessions the server issued. The browser's cookie holds a 128-bit random secret; only the chat id
-- derived from it by SHA-256 is stored, so the database, the API and the logs never show a cookie,
-- and a cookie the server did not issue matches no row.
create table web_session (
    chat_id       text        primary key,
    created_at    timestamptz not null
);

-- The transcript now holds both sides: 'bot' rows carry an outbound message, 'visitor' rows what the
-- visitor typed, pressed or uploaded. A visitor row is written once per page event id.
alter table web_message add column author text not null default 'bot' check (author in ('bot', 'visitor'));
alter table web_message add column event_id text;
create unique index web_message_event on web_message (session_id, event_id) where event_id is not null;

-- Files customers uploaded (the web chat keeps them itself; Telegram and Discord keep theirs).
-- file_key is random and is what an attachment's platform file id names ("web:<file_key>").
create table stored_file (
    id          bigint generated always as identity primary key,
    file_key    text        not null unique,
    platform    text        not null check (platform in ('telegram', 'discord', 'web')),
    chat_id     text        not null,
    upload_id   text        not null,
    media_type  text        not null,
    file_name   text        not null default '',
    size_bytes  bigint      not null check (size_bytes > 0),
    sha256      text        not null,
    content     bytea       not null,
    stored_at   timestamptz not null,
    unique (platform, chat_id, upload_id)
);
