-- The outreach report counts the deliveries sent in each week of a range (by updated_at, when the send's
-- outcome was recorded): a broadcast writes a row per recipient, so without this the count reads them all.
create index delivery_sent_at on delivery (updated_at) where status = 'sent';
