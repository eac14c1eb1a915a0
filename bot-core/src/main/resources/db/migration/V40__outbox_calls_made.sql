-- How many of a message's platform calls (a long text's parts, a photo before its text) went out on earlier
-- attempts: a retry resumes after them instead of sending them again.
alter table outbox add column calls_made smallint not null default 0;
