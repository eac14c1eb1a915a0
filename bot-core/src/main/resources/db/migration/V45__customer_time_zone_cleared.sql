-- Staff cleared the customer's time zone (saved the profile without the zone it had): the customer follows the
-- business's zone, and the zone a chat names (the web chat sends the browser's) no longer fills it in again.
alter table customer add column time_zone_cleared boolean not null default false;
