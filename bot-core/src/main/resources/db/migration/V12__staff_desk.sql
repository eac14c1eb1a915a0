-- The staff desk: who took a request to talk to a person, the categories each staff member handles
-- (for assigning customers round-robin), and every change of a customer's responsible staff member.

alter table handover_request
    add column taken_by_staff_id bigint references staff (id) on delete set null,
    add column taken_at          timestamptz;

-- The complaint categories a staff member handles; none: all of them.
create table staff_category (
    staff_id  bigint not null references staff (id) on delete cascade,
    category  text   not null check (length(category) between 1 and 50),
    primary key (staff_id, category)
);

-- Who looked after a customer, from when, and who decided it (null: the rule or the admin token).
create table customer_owner_change (
    id                  bigint generated always as identity primary key,
    customer_id         bigint      not null references customer (id) on delete cascade,
    from_staff_id       bigint      references staff (id) on delete set null,
    to_staff_id         bigint      references staff (id) on delete set null,
    changed_by_staff_id bigint      references staff (id) on delete set null,
    reason              text        not null check (reason in ('first_complaint', 'reassigned', 'staff_left')),
    changed_at          timestamptz not null
);
create index customer_owner_change_customer on customer_owner_change (customer_id, changed_at, id);

-- The rule's memory: which agent of a category was given the last new customer.
create table owner_rotation (
    category       text   primary key,
    last_staff_id  bigint not null
);
