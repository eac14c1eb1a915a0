-- A run's step takes its due deliveries oldest first, then by customer (order by not_before, customer_id).
-- With customer_id in the index the step reads just its batch; without it, every pending delivery of the
-- run (a million for a large broadcast, most with the same not_before) was sorted for each batch.
drop index delivery_pending;
create index delivery_pending on delivery (run_id, not_before, customer_id) where status = 'pending';
