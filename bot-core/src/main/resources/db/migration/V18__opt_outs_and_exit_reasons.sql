-- Customers who opted out of greetings and offers: when, where (/stop, the button under a message), the
-- broadcast run they had last received (to count opt-outs per broadcast), and why, when they said.
create table opt_out (
    id            bigint generated always as identity primary key,
    customer_id   bigint      not null references customer (id) on delete cascade,
    source        text        not null check (length(source) between 1 and 100),
    run_id        bigint      references broadcast_run (id) on delete set null,
    reason        text        check (reason in ('too_many', 'not_relevant', 'no_longer_customer', 'privacy', 'other')),
    reason_text   text        check (length(reason_text) <= 1000),
    opted_out_at  timestamptz not null,
    answered_at   timestamptz,
    check ((reason is null) = (answered_at is null))
);
create index opt_out_customer on opt_out (customer_id, id desc);
create index opt_out_run on opt_out (run_id) where run_id is not null;
-- the tally of offer codes per campaign (a run's codes are its campaign "run:<id>")
create index offer_code_redeemed on offer_code (campaign) where redeemed_at is not null;
