-- A platform's send budget shared by every instance that sends for the same bot: one row per place in
-- the platform's sliding second (30 for Telegram, 1,000 with paid broadcasts). A place is free from
-- free_at on. While a send holds it, held_by names the instance and lease_until bounds how long it may
-- hold it without renewing; the holder frees it a second after the send's answer came back, and a dead
-- holder's place is free a second after its lease ended (its send cannot have reached the platform later).
create table send_slot (
    platform text not null,
    slot integer not null,
    free_at timestamptz not null default '-infinity',
    held_by text,
    lease_until timestamptz,
    primary key (platform, slot)
);
