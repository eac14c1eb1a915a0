-- Customers asked in chat for their birthday (once, optionally): when, and when they answered (null:
-- skipped or not yet). A customer is never asked again, however often they give consent anew.
create table birthday_question (
    customer_id  bigint      primary key references customer (id) on delete cascade,
    asked_at     timestamptz not null,
    answered_at  timestamptz
);
