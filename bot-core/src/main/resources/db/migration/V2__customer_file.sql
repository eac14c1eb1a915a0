-- The customer file: who the customers are, how to reach them on each platform, who looks after
-- them, and everything said between them and the business.

create table staff (
    id          bigint generated always as identity primary key,
    name        text        not null check (length(name) between 1 and 200),
    role        text        not null check (role in ('agent', 'supervisor', 'marketer', 'admin')),
    active      boolean     not null default true,
    created_at  timestamptz not null
);

-- The chats staff members use; one platform user is one staff member.
create table staff_identity (
    platform     text   not null check (platform in ('telegram', 'discord', 'web')),
    user_id      text   not null,
    staff_id     bigint not null references staff (id) on delete cascade,
    chat_id      text   not null,
    primary key (platform, user_id)
);
create index staff_identity_staff on staff_identity (staff_id);

create table customer (
    id                   bigint generated always as identity primary key,
    display_name         text        not null default '',
    form_of_address      text,
    gender               text,
    birth_month          smallint    check (birth_month between 1 and 12),
    birth_day            smallint    check (birth_day between 1 and 31),
    birth_year           smallint    check (birth_year between 1900 and 9999),
    language             text        not null default 'en',
    time_zone            text,
    phone                text,
    email                text,
    company              text,
    industry             text,
    occupation           text,
    position             text,
    needs                text,
    pain_points          text,
    notes                text,
    tone                 text        not null default 'formal' check (tone in ('formal', 'friendly')),
    source_channel       text,
    introducer_id        bigint      references customer (id) on delete set null,
    tier                 text        check (tier in ('high', 'medium', 'low')),
    responsible_staff_id bigint      references staff (id) on delete set null,
    consent_granted      boolean     not null default false,
    consent_answered_at  timestamptz,
    consent_source       text,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    last_contact_at      timestamptz,
    check ((birth_month is null) = (birth_day is null)),
    check (birth_year is null or birth_month is not null),
    check (introducer_id is null or introducer_id <> id)
);
create index customer_name on customer (lower(display_name) text_pattern_ops);
create index customer_responsible on customer (responsible_staff_id) where responsible_staff_id is not null;
create index customer_tier on customer (tier) where tier is not null;
create index customer_birthday on customer (birth_month, birth_day) where birth_month is not null;

create table customer_tag (
    customer_id  bigint not null references customer (id) on delete cascade,
    tag          text   not null check (length(tag) between 1 and 50),
    primary key (customer_id, tag)
);
create index customer_tag_tag on customer_tag (tag);

-- A platform user (Telegram user, Discord user, web visitor) and the chat the bot reaches them in.
-- One platform user belongs to exactly one customer; a customer may have several.
create table channel_identity (
    platform           text        not null check (platform in ('telegram', 'discord', 'web')),
    user_id            text        not null,
    customer_id        bigint      not null references customer (id),
    chat_id            text        not null,
    display_name       text        not null default '',
    unreachable_since  timestamptz,
    unreachable_reason text,
    created_at         timestamptz not null,
    last_seen_at       timestamptz not null,
    primary key (platform, user_id)
);
create index channel_identity_customer on channel_identity (customer_id);
create index channel_identity_chat on channel_identity (platform, chat_id);

-- Every message and event between a customer and the business, in and out. Append-only: rows are
-- never changed or removed, except that merging two customers moves history to the survivor.
create table interaction (
    id                  bigint generated always as identity primary key,
    customer_id         bigint      references customer (id),
    platform            text        not null check (platform in ('telegram', 'discord', 'web')),
    chat_id             text        not null,
    direction           text        not null check (direction in ('inbound', 'outbound')),
    kind                text        not null,
    platform_message_id text,
    summary             text        not null default '',
    occurred_at         timestamptz not null
);
create index interaction_customer on interaction (customer_id, occurred_at desc);

create function interaction_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'the interaction log is append-only: rows cannot be deleted';
    end if;
    if (new.platform, new.chat_id, new.direction, new.kind, new.platform_message_id, new.summary, new.occurred_at)
       is distinct from
       (old.platform, old.chat_id, old.direction, old.kind, old.platform_message_id, old.summary, old.occurred_at)
       or new.id <> old.id then
        raise exception 'the interaction log is append-only: only the customer may change (by a merge)';
    end if;
    return new;
end;
$$;

create trigger interaction_append_only
    before update or delete on interaction
    for each row execute function interaction_append_only();
