-- A customer entering a stage that the business gives to particular staff (sales until the contract, service
-- after it) may change hands: recorded like every other change of responsible staff member, as 'stage'.
alter table customer_owner_change drop constraint customer_owner_change_reason_check;
alter table customer_owner_change add constraint customer_owner_change_reason_check
    check (reason in ('first_complaint', 'reassigned', 'staff_left', 'stage'));
