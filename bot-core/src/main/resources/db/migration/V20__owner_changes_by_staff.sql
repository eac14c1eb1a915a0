-- The round-robin asks when each agent was last given a customer: by staff member, newest first.
create index customer_owner_change_to_staff on customer_owner_change (to_staff_id, changed_at);
