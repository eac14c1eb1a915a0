-- Expanding a run's audience writes one delivery per recipient (a million for a large broadcast) in one
-- statement, and each foreign key was checked row by row (an index lookup and a row lock per recipient):
-- most of the statement's time. The rows are written in the transaction that created their run, from the
-- customers the same statement reads; runs are never deleted, and a customer only when merged into another,
-- which removes the absorbed customer's deliveries itself. A delivery whose customer is gone is skipped
-- ("customer removed") by the run. The primary key still makes each (run, customer) unique.
alter table delivery drop constraint delivery_run_id_fkey;
alter table delivery drop constraint delivery_customer_id_fkey;
