-- Every customer event updates its conversation, its sender's identity and its customer (last contact), and
-- its chat's outbox head. PostgreSQL can write such an update beside the old row without touching any index
-- (a "HOT" update) only when no indexed column changes and the page has room for the new version.

-- Room on each page for the next versions of the rows (applies to pages written from now on).
alter table conversation set (fillfactor = 80);
alter table channel_identity set (fillfactor = 80);
alter table outbox_chat set (fillfactor = 80);
alter table customer set (fillfactor = 90);

-- The last contact changes with every event, and its index made every customer update write a new entry
-- into each of the customer's indexes. Only segment conditions on the last contact read it, at most once
-- per broadcast, where scanning the customer table costs a fraction of a second even at a million rows.
drop index customer_last_contact;
