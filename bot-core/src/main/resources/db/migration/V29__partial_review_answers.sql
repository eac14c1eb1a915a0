-- The bot's review questionnaire keeps each answer as it is given: one row per questionnaire (its round, the
-- due event that started it), incomplete until the last question is answered, so an abandoned questionnaire
-- leaves the answers given so far on the customer file, and finishing later completes the same row.
alter table account_review add column complete boolean not null default true;
alter table account_review add column round text check (length(round) between 1 and 200);
create unique index account_review_round on account_review (customer_id, round) where round is not null;
