-- After-sales check-ins: one row per cadence and purchase or resolved complaint, planned when the purchase
-- or the resolution is recorded, marked sent when the bot asked and answered when the customer pressed a
-- button. The unique (cadence, about_id) keeps a check-in planned once however often the reaction runs.
create table check_in (
    id            bigint generated always as identity primary key,
    customer_id   bigint      not null references customer (id),
    cadence       text        not null check (length(cadence) between 1 and 60),
    about         text        not null check (about in ('purchase', 'complaint')),
    about_id      bigint      not null,
    due_at        timestamptz not null,
    status        text        not null check (status in ('planned', 'sent', 'answered', 'skipped')),
    sent_at       timestamptz,
    answer        text        check (answer in ('all_good', 'problem', 'not_now')),
    answered_at   timestamptz,
    skip_reason   text,
    created_at    timestamptz not null,
    unique (cadence, about_id)
);
create index check_in_customer on check_in (customer_id, due_at desc, id desc);
create index check_in_sent on check_in (customer_id, sent_at desc) where sent_at is not null;
