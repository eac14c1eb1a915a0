-- Small tables the application keeps for itself: named settings and positions in external streams.

create table setting (
    name        text primary key,
    value       text not null,
    updated_at  timestamptz not null default now()
);

-- Positions in external streams, for example the Telegram getUpdates offset.
create table stream_cursor (
    name        text primary key,
    position    text not null,
    updated_at  timestamptz not null default now()
);
