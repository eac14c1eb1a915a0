-- The web console: staff members sign in with a login (their email, or their name) and a password,
-- kept only as a slow hash; sessions are kept by the SHA-256 of their cookie, never the cookie itself;
-- every change to an account is recorded with who made it.

create table staff_credential (
    staff_id       bigint      primary key references staff (id) on delete cascade,
    login          text        not null check (length(login) between 3 and 254),
    password_hash  text        not null,
    changed_at     timestamptz not null
);
create unique index staff_credential_login on staff_credential (lower(login));

create table console_session (
    token_sha256  text        primary key,
    staff_id      bigint      not null references staff (id) on delete cascade,
    csrf_token    text        not null,
    created_at    timestamptz not null,
    last_seen_at  timestamptz not null,
    expires_at    timestamptz not null
);
create index console_session_staff on console_session (staff_id);
create index console_session_expiry on console_session (expires_at);

-- changed_by null: the business itself (the one-time set-up link or ADMIN_TOKEN)
create table staff_account_change (
    id          bigint generated always as identity primary key,
    staff_id    bigint      not null references staff (id) on delete cascade,
    changed_by  bigint      references staff (id) on delete set null,
    what        text        not null,
    at          timestamptz not null
);
create index staff_account_change_staff on staff_account_change (staff_id, at);
