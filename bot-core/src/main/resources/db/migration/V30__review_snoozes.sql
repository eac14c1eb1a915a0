-- "Later" on a customer of the weekly review list: their review is put off until the given day (a week on), so
-- it falls due again then; who put it off and when are kept.
create table review_snooze (
    customer_id  bigint      primary key references customer (id) on delete cascade,
    until        date        not null,
    staff_id     bigint      references staff (id) on delete set null,
    snoozed_at   timestamptz not null
);
