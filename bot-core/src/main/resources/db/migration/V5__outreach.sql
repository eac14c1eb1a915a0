-- Outreach: saved audiences (segments), message templates in several languages and tones, and the
-- personal offer codes sent to customers.

-- A segment is a saved filter over the customer file. Its definition is the filter as JSON; it is
-- turned into SQL from a fixed set of fragments with bound values, never by pasting its text.
create table segment (
    id          bigint generated always as identity primary key,
    name        text        not null unique check (length(name) between 1 and 100),
    definition  jsonb       not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create table message_template (
    id                bigint generated always as identity primary key,
    name              text        not null unique check (length(name) between 1 and 100),
    purpose           text        not null check (purpose in ('marketing', 'service')),
    default_language  text        not null,
    buttons           text[]      not null default '{}',
    offer_valid_days  integer     check (offer_valid_days between 1 and 3650),
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

-- One text of a template per language and tone; the default language always has one (checked by the code
-- that writes templates, in one transaction with these rows).
create table message_template_text (
    template_id  bigint not null references message_template (id) on delete cascade,
    language     text   not null,
    tone         text   not null check (tone in ('formal', 'friendly')),
    body         text   not null check (length(body) between 1 and 4000),
    primary key (template_id, language, tone)
);

-- Personal offer codes: one per customer and campaign, unique across all.
create table offer_code (
    code         text        primary key,
    customer_id  bigint      not null references customer (id) on delete cascade,
    campaign     text        not null check (length(campaign) between 1 and 100),
    issued_at    timestamptz not null,
    expires_at   timestamptz not null,
    redeemed_at  timestamptz,
    redeemed_by  text,
    check (expires_at > issued_at),
    unique (customer_id, campaign)
);
create index offer_code_campaign on offer_code (campaign, issued_at);

-- Segment filters look for open complaints and complaints in a recent window.
create index complaint_customer_open on complaint (customer_id) where status in ('open', 'in_progress');
create index customer_created on customer (created_at);
create index customer_last_contact on customer (last_contact_at);
