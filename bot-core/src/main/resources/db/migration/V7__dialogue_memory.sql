-- What a conversation remembers besides its flow: whether the question about greetings and offers
-- was put in this chat (it is asked once, at a calm moment), and the labels of the buttons the bot
-- sent lately, as [data, label] pairs oldest first, so a press is logged as the label the customer saw.
alter table conversation
    add column consent_asked_at timestamptz,
    add column offered_buttons  jsonb not null default '[]'::jsonb;

-- The earlier flow put the question to every chat at its first contact: those are not asked again.
update conversation set consent_asked_at = started_at where customer_id is not null;

-- A customer may withdraw a request to talk to a person.
alter table handover_request drop constraint handover_request_status_check;
alter table handover_request
    add constraint handover_request_status_check check (status in ('open', 'taken', 'closed', 'cancelled'));
