-- Account reviews: held by a staff member (outcome, notes, next step) or answered by the customer in the
-- bot's short questionnaire (how satisfied, what they value most, what else they need, other vendors
-- considered). The latest review of either kind starts the customer's next review interval.
create table account_review (
    id             bigint generated always as identity primary key,
    customer_id    bigint      not null references customer (id),
    source         text        not null check (source in ('staff', 'customer')),
    staff_id       bigint      references staff (id) on delete set null,
    outcome        text        check (outcome in ('good', 'opportunity', 'at-risk', 'lost')),
    notes          text        check (length(notes) <= 2000),
    next_step      text        check (length(next_step) <= 500),
    satisfaction   smallint    check (satisfaction between 1 and 5),
    values_most    text        check (length(values_most) <= 1000),
    needs          text        check (length(needs) <= 1000),
    other_vendors  text        check (length(other_vendors) <= 1000),
    reviewed_at    timestamptz not null,
    check ((source = 'staff') = (outcome is not null))
);
create index account_review_customer on account_review (customer_id, reviewed_at desc);
