-- Clusters of complaints: many of one category in a short time (the business file's rule), flagged once to
-- supervisors in the staff chats and counted in the known-issues report.
create table complaint_cluster (
    id          bigint generated always as identity primary key,
    category    text        not null,
    complaints  integer     not null check (complaints > 0),
    first_at    timestamptz not null,
    flagged_at  timestamptz not null
);
create index complaint_cluster_category on complaint_cluster (category, flagged_at desc);
create index complaint_cluster_flagged on complaint_cluster (flagged_at desc);
create index complaint_category_created on complaint (category, created_at);
