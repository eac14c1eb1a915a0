-- When a complaint should be resolved by, from its category's resolution target counted in opening time
-- (null: the category has none). Set when the complaint is filed; the service report counts how many
-- were resolved (or referred) by then.
alter table complaint add column resolution_due_at timestamptz;
