package io.retainbot.core.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a customer's data lives, table by table: what the export reads, what an erasure does, and why a
 * table that keeps something after an erasure holds nothing personal. Every table of the schema is in
 * {@link #TABLES} (a test compares it with the database), so a new table cannot be forgotten.
 */
final class PersonalData {
    /** The chats of the customer (:id): their identities' chats and the conversations linked to them. */
    private static final String CHATS = """
            with chats as (
                select platform, chat_id from channel_identity where customer_id = :id
                union
                select platform, chat_id from conversation where customer_id = :id
            )
            """;

    /**
     * After {@link #CHATS}: the messages to the staff chats about the customer (pings, their edits and the
     * customer's words relayed), by the customer's complaints and requests for a person.
     */
    private static final String ABOUT_THE_CUSTOMER = """
            , about as (
                select o.id from outbox o
                where o.complaint_number in (select number from complaint where customer_id = :id)
                union
                select p.outbox_id from staff_post p
                where p.handover_id in (select id from handover_request where customer_id = :id)
                   or p.complaint_id in (select id from complaint where customer_id = :id)
            )
            """;

    /**
     * Every table, and what an erasure does to it (or why it holds nothing personal). A chat address that
     * must stay non-empty where it is kept becomes {@code erased}.
     */
    static final Map<String, String> TABLES = tables(
            "customer", "kept for the statistics, every personal field emptied, consent withdrawn, erased_at set",
            "customer_tag", "deleted",
            "channel_identity", "deleted: a later message from the same account starts a new customer",
            "conversation", "deleted (with what a flow remembered)",
            "interaction", "kept for the statistics (when, which way, what kind), text, chat and message id emptied",
            "inbox", "kept for exactly-once handling, the chat emptied",
            "outbox", "messages to the customer and the staff chats' messages about them (pings, relays) deleted "
                    + "once sent; those still waiting are cancelled (then deleted), except the confirmation of a "
                    + "/forget, which goes out and is pruned with the others; the pings already posted are edited "
                    + "to say the customer's data was erased",
            "outbox_chat", "a chat's place in the send queue while messages wait; moved past cancelled messages, "
                    + "removed when none wait",
            "web_message", "deleted; after /forget, what the chat shows from the confirmation on stays for the page "
                    + "and is pruned with the other web messages",
            "web_session", "deleted; after /forget it stays (a random key, nothing personal) so the page keeps "
                    + "working and its next message starts a new customer",
            "stored_file", "deleted (files uploaded in the web chat)",
            "complaint", "kept for the statistics (category, status, times), description, order reference and "
                    + "chat emptied",
            "complaint_attachment", "deleted",
            "complaint_note", "deleted",
            "satisfaction_answer", "kept: scores per complaint, nothing personal",
            "known_issue_offer", "kept: whether a known fix helped, per complaint, nothing personal",
            "suggestion", "deleted",
            "handover_request", "kept for the statistics, the chat emptied",
            "handover_message", "deleted (what the customer and the person said, word for word, while they waited for "
                    + "or talked with a person)",
            "offer_code", "deleted",
            "delivery", "kept: a broadcast run's outcome per customer id, nothing personal",
            "domain_event", "kept as business records, free texts (answers, summaries, reasons) and photo "
                    + "references emptied, chats named as erased",
            "domain_event_delivery", "kept: which reaction ran for which event, nothing personal",
            "scheduled_tasks", "kept: due events name the customer by id only; one that falls due finds no chat "
                    + "and is skipped",
            "customer_erasure", "the record of the erasure: when, who asked, the reason given",
            "setting", "business settings, nothing of customers",
            "stream_cursor", "platform read positions, nothing of customers",
            "send_slot", "the platforms' send budgets shared by the instances (places and times), nothing of customers",
            "staff", "staff members, not customers",
            "staff_identity", "staff members' chat identities, not customers",
            "segment", "business data: saved filters",
            "message_template", "business data",
            "message_template_text", "business data",
            "template_photo", "business data (the photos templates show)",
            "broadcast", "business data",
            "broadcast_run", "business data",
            "known_issue", "business data: known product issues",
            "purchase", "kept for the sales statistics (product, date, amount), the order reference emptied",
            "customer_stage_change", "kept: stage changes per customer id, nothing personal",
            "customer_owner_change", "kept: who looked after the customer (staff ids), nothing personal",
            "staff_category", "staff members' categories, not customers",
            "owner_rotation", "business data: the last agent given a new customer per category",
            "staff_post", "kept: which staff-chat message shows which complaint or request (ids only, nothing "
                    + "personal); deleted with its complaint or request",
            "opt_out", "kept for the statistics (when, where, which broadcast, the reason chosen), the customer's "
                    + "own words emptied",
            "birthday_question", "kept: when the customer was asked for a birthday, so they are never asked again",
            "check_in", "kept for the statistics: when a check-in was due and sent and which button answered it, "
                    + "nothing personal; one still planned finds no chat and is skipped",
            "complaint_cluster", "business data: clusters of complaints per category, nothing of a customer",
            "account_review", "kept for the statistics (when, by whom, outcome, satisfaction), the notes, next step and "
                    + "the customer's own answers emptied",
            "review_snooze", "kept: until when staff put the customer's review off, nothing personal",
            "staff_credential", "staff members' console sign-ins, not customers",
            "console_session", "staff members' console sessions, not customers",
            "staff_account_change", "changes to staff members' console accounts, not customers",
            "outreach_change", "business data: who changed which segment, template, broadcast or greeting");

    /**
     * One statement of the erasure, on {@code table}, given the customer (:id), the time (:now) and, after
     * {@code /forget}, when the customer confirmed it (:keepFrom, else null).
     */
    record Statement(String table, String sql) {
    }

    /** The erasure, in order: what is found through the customer's chats first, their identities last. */
    static final List<Statement> ERASE = List.of(
            new Statement("inbox", CHATS + """
                    update inbox set chat_id = 'erased'
                    where chat_id <> 'erased'
                      and ((platform, chat_id) in (select platform, chat_id from chats)
                           or (platform = 'schedule' and chat_id in (select chat_id from chats)))
                    """),
            new Statement("web_message", CHATS + """
                    delete from web_message
                    where session_id in (select chat_id from chats where platform = 'web')
                      and (cast(:keepFrom as timestamptz) is null or sent_at < cast(:keepFrom as timestamptz))
                    """),
            new Statement("web_session", CHATS + """
                    delete from web_session
                    where chat_id in (select chat_id from chats where platform = 'web')
                      and cast(:keepFrom as timestamptz) is null
                    """),
            new Statement("stored_file", CHATS + """
                    delete from stored_file where (platform, chat_id) in (select platform, chat_id from chats)
                    """),
            new Statement("outbox", CHATS + ABOUT_THE_CUSTOMER + """
                    update outbox set status = 'skipped', finished_at = :now, last_error = 'erased'
                    where status = 'pending'
                      and (cast(:keepFrom as timestamptz) is null or created_at < cast(:keepFrom as timestamptz))
                      and (customer_id = :id or (platform, chat_id) in (select platform, chat_id from chats)
                           or id in (select id from about))
                    """),
            new Statement("outbox_chat", CHATS + ABOUT_THE_CUSTOMER + """
                    , stale as (
                        select chat.platform, chat.chat_id from outbox_chat chat
                        join outbox o on o.id = chat.head_id
                        where o.status = 'skipped' and o.last_error = 'erased' and chat.claimed_by is null
                          and (o.customer_id = :id or (o.platform, o.chat_id) in (select platform, chat_id from chats)
                               or o.id in (select id from about))
                        for update of chat
                    )
                    """ + OutboxHeads.MOVE_PAST_STALE),
            new Statement("outbox", CHATS + ABOUT_THE_CUSTOMER + """
                    delete from outbox
                    where status not in ('pending', 'sending')
                      and (customer_id = :id or (platform, chat_id) in (select platform, chat_id from chats)
                           or id in (select id from about))
                    """),
            new Statement("interaction", CHATS + """
                    update interaction set summary = '', chat_id = 'erased', platform_message_id = null
                    where (customer_id = :id or (platform, chat_id) in (select platform, chat_id from chats))
                      and (summary <> '' or chat_id <> 'erased' or platform_message_id is not null)
                    """),
            new Statement("conversation", CHATS + """
                    delete from conversation
                    where customer_id = :id or (platform, chat_id) in (select platform, chat_id from chats)
                    """),
            new Statement("complaint_attachment", """
                    delete from complaint_attachment
                    where complaint_id in (select id from complaint where customer_id = :id)
                    """),
            new Statement("complaint_note", """
                    delete from complaint_note where complaint_id in (select id from complaint where customer_id = :id)
                    """),
            new Statement("complaint", """
                    update complaint set description = '', order_reference = null, chat_id = 'erased'
                    where customer_id = :id
                    """),
            new Statement("suggestion", "delete from suggestion where customer_id = :id"),
            new Statement("handover_message", """
                    delete from handover_message
                    where request_id in (select id from handover_request where customer_id = :id)
                    """),
            new Statement("handover_request", "update handover_request set chat_id = 'erased' where customer_id = :id"),
            new Statement("customer_tag", "delete from customer_tag where customer_id = :id"),
            new Statement("purchase", "update purchase set order_reference = null where customer_id = :id"),
            new Statement("offer_code", "delete from offer_code where customer_id = :id"),
            new Statement("account_review", """
                    update account_review set notes = null, next_step = null, values_most = null, needs = null,
                           other_vendors = null
                    where customer_id = :id
                    """),
            new Statement("opt_out", "update opt_out set reason_text = null where customer_id = :id and reason_text is not null"),
            new Statement("domain_event", """
                    update domain_event set payload = (
                        select coalesce(jsonb_object_agg(key,
                                   case when key in ('text', 'summary', 'explanation', 'reason', 'comment', 'description',
                                                     'note', 'source', 'name', 'phone', 'email')
                                         and jsonb_typeof(value) = 'string'
                                        then to_jsonb(''::text)
                                        when key = 'photos' and jsonb_typeof(value) = 'array'
                                        then '[]'::jsonb
                                        when jsonb_typeof(value) = 'object' and value -> 'chatId' is not null
                                        then value || jsonb_build_object('chatId', 'erased')
                                        else value end), '{}'::jsonb)
                        from jsonb_each(payload))
                    where customer_id = :id
                    """),
            new Statement("customer", "update customer set introducer_id = null where introducer_id = :id"),
            new Statement("channel_identity", "delete from channel_identity where customer_id = :id"),
            new Statement("customer", """
                    update customer set display_name = '', form_of_address = null, gender = null, birth_month = null,
                           birth_day = null, birth_year = null, time_zone = null, phone = null, email = null,
                           company = null, industry = null, occupation = null, position = null, needs = null,
                           pain_points = null, notes = null, source_channel = null, introducer_id = null, tier = null,
                           consent_granted = false, consent_answered_at = null, consent_source = null,
                           last_contact_at = null, updated_at = :now, erased_at = :now
                    where id = :id
                    """));

    /** The export: per table, its rows about the customer (:id) as one JSON array. */
    static final Map<String, String> EXPORT = tables(
            "customer", rows("customer", "t.id = :id", "t.id"),
            "customer_tag", rows("customer_tag", "t.customer_id = :id", "t.tag"),
            "channel_identity", rows("channel_identity", "t.customer_id = :id", "t.created_at"),
            "conversation", rows("conversation", "t.customer_id = :id", "t.started_at"),
            "complaint", rows("complaint", "t.customer_id = :id", "t.id"),
            "complaint_attachment", rows("complaint_attachment",
                    "t.complaint_id in (select id from complaint where customer_id = :id)", "t.id"),
            "complaint_note", rows("complaint_note",
                    "t.complaint_id in (select id from complaint where customer_id = :id)", "t.id"),
            "satisfaction_answer", rows("satisfaction_answer",
                    "t.complaint_id in (select id from complaint where customer_id = :id)", "t.answered_at"),
            "known_issue_offer", rows("known_issue_offer",
                    "t.complaint_id in (select id from complaint where customer_id = :id)", "t.offered_at"),
            "interaction", rows("interaction", "t.customer_id = :id", "t.id"),
            "suggestion", rows("suggestion", "t.customer_id = :id", "t.id"),
            "handover_request", rows("handover_request", "t.customer_id = :id", "t.id"),
            "handover_message", rows("handover_message",
                    "t.request_id in (select id from handover_request where customer_id = :id)", "t.id"),
            "offer_code", rows("offer_code", "t.customer_id = :id", "t.code"),
            "delivery", rows("delivery", "t.customer_id = :id", "t.updated_at"),
            "domain_event", rows("domain_event", "t.customer_id = :id", "t.id"),
            "outbox", rows("outbox", "t.customer_id = :id", "t.id"),
            "web_message", rows("web_message", """
                    t.session_id in (select chat_id from channel_identity where customer_id = :id and platform = 'web')
                    """, "t.id"),
            "stored_file", """
                    select coalesce(jsonb_agg(to_jsonb(t) - 'content' order by t.id), '[]'::jsonb)::text
                    from stored_file t
                    where (t.platform, t.chat_id) in (select platform, chat_id from channel_identity where customer_id = :id)
                    """,
            "purchase", rows("purchase", "t.customer_id = :id", "t.id"),
            "customer_stage_change", rows("customer_stage_change", "t.customer_id = :id", "t.id"),
            "customer_owner_change", rows("customer_owner_change", "t.customer_id = :id", "t.id"),
            "opt_out", rows("opt_out", "t.customer_id = :id", "t.id"),
            "birthday_question", rows("birthday_question", "t.customer_id = :id", "t.asked_at"),
            "check_in", rows("check_in", "t.customer_id = :id", "t.id"),
            "account_review", rows("account_review", "t.customer_id = :id", "t.id"),
            "review_snooze", rows("review_snooze", "t.customer_id = :id", "t.customer_id"),
            "customer_erasure", rows("customer_erasure", "t.customer_id = :id", "t.id"));

    private PersonalData() {
    }

    /** A query for {@code table}'s rows matching {@code where} as one JSON array (fixed fragments only). */
    private static String rows(String table, String where, String order) {
        return "select coalesce(jsonb_agg(to_jsonb(t) order by " + order + "), '[]'::jsonb)::text from " + table
                + " t where " + where;
    }

    private static Map<String, String> tables(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (map.put(pairs[i], pairs[i + 1]) != null) {
                throw new IllegalStateException("table listed twice: " + pairs[i]);
            }
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
