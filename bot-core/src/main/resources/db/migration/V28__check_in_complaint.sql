-- A check-in answered "I have a problem" leads into complaint intake: the complaint filed from it is kept on
-- the check-in, so the customer file shows which complaint the check-in brought.
alter table check_in add column complaint_id bigint references complaint (id) on delete set null;
