-- Internal notes on a complaint: written by a staff member for colleagues, never shown to the customer.
alter table complaint_note drop constraint complaint_note_author_check;
alter table complaint_note add constraint complaint_note_author_check
    check (author in ('customer', 'staff', 'system', 'internal'));
alter table complaint_note add column staff_id bigint references staff (id) on delete set null;
