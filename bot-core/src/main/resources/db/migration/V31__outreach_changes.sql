-- Who changed outreach (segments, templates, broadcasts, birthday greetings), what and when: written in the
-- transaction of the change. changed_by null: the REST API's admin token (no staff member is known); the
-- staff member's name is kept as it was, so the record stays readable when they are deleted.
create table outreach_change (
    id               bigint generated always as identity primary key,
    changed_by       bigint      references staff (id) on delete set null,
    changed_by_name  text,
    subject          text        not null check (subject in ('SEGMENT', 'TEMPLATE', 'BROADCAST', 'BIRTHDAY_GREETINGS')),
    subject_id       bigint,
    subject_name     text        not null,
    action           text        not null check (action in ('CREATED', 'CHANGED', 'DELETED', 'PAUSED', 'RESUMED',
                                                            'CANCELLED')),
    at               timestamptz not null
);
create index outreach_change_at on outreach_change (at desc, id desc);
