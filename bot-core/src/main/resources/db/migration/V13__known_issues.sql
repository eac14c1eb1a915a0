-- Known product issues and their fixes, recorded by staff; a new complaint that matches an open one is
-- offered the fix at once, and the offer and the customer's answer are kept with the complaint.

-- symptoms: the words and phrases customers use for it (a JSON array of strings); categories: the
-- complaint category ids it belongs to (a JSON array, empty for every category); fixes: the fix text
-- per language tag (a JSON object, at least one).
create table known_issue (
    id          bigint generated always as identity primary key,
    title       text        not null,
    symptoms    jsonb       not null,
    categories  jsonb       not null,
    fixes       jsonb       not null,
    status      text        not null default 'open' check (status in ('open', 'closed')),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- At most one offer per complaint; helped is null until the customer answered.
create table known_issue_offer (
    complaint_id    bigint      primary key references complaint (id),
    known_issue_id  bigint      not null references known_issue (id),
    offered_at      timestamptz not null,
    helped          boolean,
    answered_at     timestamptz
);
create index known_issue_offer_issue on known_issue_offer (known_issue_id, offered_at);
