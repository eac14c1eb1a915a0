-- What was said in a request for a person, word for word (the interaction log keeps 200-character summaries):
-- what the customer wrote while they waited for or talked with the person (with the photos they sent), and what
-- the person wrote to them (who, the words, the photos, and the text as sent, by which the log's summary of the
-- send is recognised). Kept with the request, like the interaction log; exported and erased with the customer.
create table handover_message (
    id           bigint generated always as identity primary key,
    request_id   bigint      not null references handover_request (id) on delete cascade,
    direction    text        not null check (direction in ('inbound', 'outbound')),
    staff_id     bigint      references staff (id),
    text         text        not null,
    photos       text[]      not null default '{}',
    sent_text    text,
    occurred_at  timestamptz not null,
    check ((direction = 'outbound') = (staff_id is not null))
);
create index handover_message_request on handover_message (request_id, occurred_at, id);
