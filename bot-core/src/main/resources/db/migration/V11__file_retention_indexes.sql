-- Retention prunes uploaded files that no complaint has attached: it finds old files by their time
-- and asks, for each, whether an attachment names it, both through an index.
create index stored_file_stored_at on stored_file (stored_at);
create index complaint_attachment_file on complaint_attachment (platform_file_id);
