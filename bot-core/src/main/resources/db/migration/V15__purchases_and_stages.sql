-- Purchases (a light record of what a customer bought and when) and customer stages (consultation ...
-- after-sales, named in the business file), each change of stage recorded.

create table purchase (
    id               bigint generated always as identity primary key,
    customer_id      bigint        not null references customer (id),
    product          text          not null check (length(product) between 1 and 200),
    purchased_on     date          not null,
    order_reference  text          check (length(order_reference) between 1 and 100),
    amount           numeric(14,2) check (amount >= 0),
    currency         text          check (currency ~ '^[A-Z]{3}$'),
    source           text          not null check (source in ('api', 'import')),
    created_at       timestamptz   not null,
    check (amount is null or currency is not null)
);
create index purchase_customer on purchase (customer_id, purchased_on desc, id desc);
-- one purchase per order reference and customer, so an import run twice records nothing twice
create unique index purchase_order_reference on purchase (customer_id, order_reference)
    where order_reference is not null;

alter table customer add column stage text;

create table customer_stage_change (
    id           bigint generated always as identity primary key,
    customer_id  bigint      not null references customer (id),
    from_stage   text,
    to_stage     text        not null,
    cause        text        not null check (cause in ('staff', 'admin', 'complaint', 'purchase')),
    staff_id     bigint      references staff (id) on delete set null,
    changed_at   timestamptz not null
);
create index customer_stage_change_customer on customer_stage_change (customer_id, changed_at, id);
