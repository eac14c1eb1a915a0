-- Staff may clear a customer's stage ("(none)" on the customer file): its change is recorded with no stage to go to.
alter table customer_stage_change alter column to_stage drop not null;
