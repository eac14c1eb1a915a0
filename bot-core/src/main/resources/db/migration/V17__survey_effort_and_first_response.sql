-- The survey after a resolution asks two questions, and the first answer to a complaint is kept for reporting.

-- After a resolution the customer is asked how satisfied they are and how easy it was (1 to 5 each).
alter table satisfaction_answer drop constraint satisfaction_answer_question_check;
alter table satisfaction_answer add constraint satisfaction_answer_question_check
    check (question in ('satisfaction', 'effort'));

-- When the business first answered the customer (an answer, a resolution or a referral), for reporting
-- first-response times and promises kept.
alter table complaint add column first_response_at timestamptz;
update complaint set first_response_at = coalesce(resolved_at, closed_at) where status in ('resolved', 'referred');
