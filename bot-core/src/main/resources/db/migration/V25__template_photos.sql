-- Photos that templates carry: uploaded once through the API and kept here (like the web chat's uploads,
-- but belonging to the business, not to a chat, so retention and erasure leave them alone). photo_key is
-- random and is what templates and outbound messages name.
create table template_photo (
    id          bigint generated always as identity primary key,
    photo_key   text        not null unique,
    media_type  text        not null check (media_type in ('image/jpeg', 'image/png')),
    file_name   text        not null default '',
    size_bytes  bigint      not null check (size_bytes > 0),
    sha256      text        not null,
    content     bytea       not null,
    created_at  timestamptz not null
);

-- A template shows at most one photo; a photo in use by a template cannot be deleted.
alter table message_template add column photo_key text references template_photo (photo_key) on delete restrict;
create index message_template_photo on message_template (photo_key) where photo_key is not null;
