-- What the bot posted in the staff chats: the ping about a complaint or a request for a person (edited
-- as it moves on), the customer's words relayed to staff, and prompts. A staff member's reply to one of
-- them (Telegram), or a message in the thread under a ping (Discord, where a thread's id is its first
-- message's), is about the same complaint or request. The platform's id of each post is copied from the
-- outbox when it is delivered, so it outlives the outbox row, which retention prunes.
create table staff_post (
    outbox_id           bigint      primary key,
    platform            text        not null check (platform in ('telegram', 'discord', 'web')),
    chat_id             text        not null,
    kind                text        not null
                        check (kind in ('complaint_ping', 'low_score_ping', 'handover_ping', 'relay')),
    complaint_id        bigint      references complaint (id) on delete cascade,
    handover_id         bigint      references handover_request (id) on delete cascade,
    platform_message_id text,
    created_at          timestamptz not null,
    check ((complaint_id is null) <> (handover_id is null))
);
create index staff_post_sent on staff_post (platform, chat_id, platform_message_id) where platform_message_id is not null;
create index staff_post_complaint on staff_post (complaint_id, outbox_id) where complaint_id is not null;
create index staff_post_handover on staff_post (handover_id, outbox_id) where handover_id is not null;

create function staff_post_delivered() returns trigger language plpgsql as $$
begin
    update staff_post set platform_message_id = new.platform_message_id where outbox_id = new.id;
    return null;
end
$$;
create trigger outbox_staff_post_delivered after update of platform_message_id on outbox
    for each row when (new.lane = 'staff' and new.platform_message_id is not null)
    execute function staff_post_delivered();

-- The staff chats' /queue: complaints nobody holds, nearest promise first.
create index complaint_unclaimed on complaint (promised_at, id)
    where assignee_staff_id is null and status in ('open', 'in_progress');
