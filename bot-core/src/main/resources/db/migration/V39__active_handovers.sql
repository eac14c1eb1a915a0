-- The console lists the requests waiting for a person and those being talked in now, oldest first, every few
-- seconds; closed and cancelled ones (nearly all rows, over time) stay out of the index.
create index handover_request_active on handover_request (created_at, id) where status in ('open', 'taken');
