-- Who wrote what the customer was told: a staff note names its staff member (staff_id, as internal notes do) or
-- says it came through the REST API with the admin token. Notes written before this say neither.
alter table complaint_note add column by_admin_token boolean not null default false;
