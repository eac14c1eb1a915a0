package io.retainbot.core.reaction;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.ComplaintReferred;
import io.retainbot.core.complaint.ComplaintResolved;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.complaint.ComplaintStatus;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.feedback.HandoverRequest;
import io.retainbot.core.i18n.DateWording;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.outbox.Lane;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.StaffPostStore;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.staff.StaffMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The staff chats (the Telegram staff group, the Discord staff channel) as the bot writes to them: a
 * ping about a complaint or a request for a person, with its buttons; the same ping rewritten as the
 * complaint moves, so the chat shows the truth; and the customer's words relayed under it (as a reply on
 * Telegram, in the ping's thread on Discord). Everything goes through the outbox's staff lane, in the
 * caller's transaction, and each post is remembered so a staff member's reply to it finds what it is about.
 * Staff texts come in one language ({@code staffLanguage}) and one tone.
 */
public final class StaffChats {
    /** Button data of the staff buttons: {@code staff:<action>:<reference or request id>}. */
    public static final String PREFIX = "staff:";
    public static final String CLAIM = "claim";
    public static final String REPLY = "reply";
    public static final String RESOLVE = "resolve";
    public static final String REFER = "refer";
    /** Picks or unpicks a referral: {@code staff:pick:<reference>:<selection after the press>}. */
    public static final String PICK = "pick";
    /** Refers with the picked referrals: {@code staff:send:<reference>:<selection>}. */
    public static final String SEND = "send";
    public static final String TAKE = "take";
    public static final String BACK = "back";
    private static final int MAX_DESCRIPTION = 1500;
    private static final int MAX_TOPIC = 90;
    /** How many of a complaint's events are read to find who closed it. */
    private static final int HISTORY = 500;

    private final Messages messages;
    private final BusinessConfig business;
    private final String staffLanguage;
    private final List<ChannelRef> chats;

    /** @param chats the configured staff chats; none means nobody is pinged (and nothing fails) */
    public StaffChats(Messages messages, BusinessConfig business, String staffLanguage, List<ChannelRef> chats) {
        this.messages = messages;
        this.business = business;
        this.staffLanguage = messages.languageFor(Objects.requireNonNullElse(staffLanguage, Messages.FALLBACK));
        this.chats = List.copyOf(chats);
    }

    public List<ChannelRef> chats() {
        return chats;
    }

    public boolean isStaffChat(ChannelRef channel) {
        return chats.contains(channel);
    }

    /** The staff texts: one language, one tone. */
    public Texts texts() {
        return messages.in(staffLanguage, Tone.FORMAL);
    }

    /** Pings every staff chat about a complaint (new, or reopened after a low score). */
    public void pingComplaint(StoreSession session, Complaint complaint, StaffPostStore.Kind kind, int score,
                              Instant now) {
        for (ChannelRef chat : chats) {
            OutboundMessage.Text ping = new OutboundMessage.Text(complaintText(session, complaint, kind, score),
                    complaintButtons(complaint), "", topic(complaint.ref() + " · " + category(complaint)));
            post(session, OutboxItem.staff(chat, ping, now).aboutComplaint(complaint.ref().number()), kind,
                    complaint.id(), null, now);
        }
    }

    /** Pings every staff chat about a customer's request for a person. */
    public void pingHandover(StoreSession session, HandoverRequest request, Instant now) {
        for (ChannelRef chat : chats) {
            OutboundMessage.Text ping = new OutboundMessage.Text(handoverText(session, request),
                    handoverButtons(request), "", topic(texts().get("staff.topic.handover",
                    "customer", customerName(session, request.customerId()))));
            post(session, OutboxItem.staff(chat, ping, now), StaffPostStore.Kind.HANDOVER_PING, null, request.id(), now);
        }
    }

    /**
     * Rewrites every ping about the complaint to show where it stands now. A ping not sent yet cannot be
     * edited: this throws, and the reaction runs again shortly, after the ping went out.
     */
    public void refreshComplaint(StoreSession session, ComplaintRef ref, Instant now) {
        Complaint complaint = session.complaints().find(ref).orElseThrow();
        int score = session.complaints().satisfaction(complaint.id()).orElse(0);
        for (StaffPostStore.Post ping : session.staffPosts().complaintPings(complaint.id())) {
            edit(session, ping, complaintText(session, complaint, ping.kind(), score), complaintButtons(complaint),
                    complaint.ref().number(), now);
        }
    }

    /** Rewrites every ping about the request for a person to show where it stands now. */
    public void refreshHandover(StoreSession session, long handoverId, Instant now) {
        HandoverRequest request = session.feedback().findHandover(handoverId).orElseThrow();
        for (StaffPostStore.Post ping : session.staffPosts().handoverPings(handoverId)) {
            edit(session, ping, handoverText(session, request), handoverButtons(request), null, now);
        }
    }

    /**
     * After the customer's data was erased: every post about them already in the staff chats (pings and the
     * customer's words relayed) is edited to say so, instead of their words; one not sent yet was cancelled
     * by the erasure.
     */
    public void showErased(StoreSession session, long customerId, Instant now) {
        Texts texts = texts();
        for (StaffPostStore.Post post : session.staffPosts().aboutCustomer(customerId)) {
            if (!post.delivered()) {
                continue;
            }
            Optional<Complaint> complaint = post.complaintId() == null ? Optional.empty()
                    : session.complaints().byId(post.complaintId());
            String text = post.kind() == StaffPostStore.Kind.RELAY ? texts.get("staff.erased.relay")
                    : complaint.map(found -> texts.get("staff.erased.complaint", "ref", found.ref().toString(),
                            "category", category(found))).orElseGet(() -> texts.get("staff.erased.handover"));
            OutboundMessage.Edit edit = new OutboundMessage.Edit(post.platformMessageId(), text, List.of());
            session.outbox().enqueue(OutboxItem.staff(post.chat(), edit, now));
        }
    }

    /** The customer's words about a complaint, under its newest ping in every staff chat. */
    public void relayAboutComplaint(StoreSession session, Complaint complaint, String text, Instant now) {
        String name = customerName(session, complaint.customerId());
        String said = texts().get("staff.relay.complaint", "ref", complaint.ref().toString(), "customer", name,
                "text", text);
        relay(session, session.staffPosts().complaintPings(complaint.id()), said, complaint.id(), null,
                complaint.ref().number(), now);
    }

    /**
     * The customer's words (and photos, one message each after them) to the person who took their request,
     * under its ping in every staff chat.
     */
    public void relayAboutHandover(StoreSession session, HandoverRequest request, String text, List<Photo> photos,
                                   Instant now) {
        String name = customerName(session, request.customerId());
        String said = texts().get("staff.relay.handover", "customer", name, "text", text);
        List<StaffPostStore.Post> pings = session.staffPosts().handoverPings(request.id());
        relay(session, pings, said, null, request.id(), null, now);
        for (int i = 0; i < photos.size(); i++) {
            String caption = texts().get("staff.photo.handover", "customer", name, "number", i + 1,
                    "count", photos.size());
            relay(session, pings, caption, photos.get(i), null, request.id(), null, now);
        }
    }

    /**
     * The customer's photos of a complaint, one message each, under its newest ping in every staff chat: as
     * replies to it on Telegram, in its thread on Discord, so staff see them where they answer. They wait until
     * the ping is out (this throws while a ping is still in the outbox, or, for the photos of a new complaint,
     * not written yet: the reaction runs again shortly). A chat that never had a ping about the complaint gets
     * the photos on their own, each naming the complaint.
     */
    public void showPhotos(StoreSession session, Complaint complaint, List<Photo> photos, boolean atFiling,
                           Instant now) {
        List<StaffPostStore.Post> pings = session.staffPosts().complaintPings(complaint.id());
        for (ChannelRef chat : chats) {
            Optional<StaffPostStore.Post> newest = newestIn(pings, chat);
            if (newest.isEmpty() && atFiling) {
                throw new PingNotSentYet("the ping about " + complaint.ref() + " in " + chat
                        + " is not written yet; its photos wait for it");
            }
            if (newest.isPresent() && !newest.get().delivered() && session.staffPosts().unsent(newest.get().outboxId())) {
                throw new PingNotSentYet(newest.get());
            }
        }
        // read again: a ping whose send was recorded between the first read and the check above is out now,
        // and its message id (written in the same transaction as its outcome) is what the photos reply to
        pings = session.staffPosts().complaintPings(complaint.id());
        String name = customerName(session, complaint.customerId());
        for (int i = 0; i < photos.size(); i++) {
            String caption = texts().get("staff.photo.complaint", "ref", complaint.ref().toString(), "customer", name,
                    "number", i + 1, "count", photos.size());
            relay(session, pings, caption, photos.get(i), complaint.id(), null, complaint.ref().number(), now);
        }
    }

    /**
     * A reminder that nobody has taken a customer's request for a person (waiting since {@code since}),
     * under the request's ping in every staff chat; answers the reminder's text.
     */
    public String remindAboutHandover(StoreSession session, HandoverRequest request, String since, Instant now) {
        String text = texts().get("staff.handover.overdue", "customer", customerName(session, request.customerId()),
                "since", since);
        relay(session, session.staffPosts().handoverPings(request.id()), text, null, request.id(), null, now);
        return text;
    }

    /**
     * A note to the staff chat an event came from, where it was said: in the ping's thread on Discord,
     * else as a reply to the message it answered (if any).
     */
    public void tell(StoreSession session, ChannelRef chat, String replyTo, String text, Instant now) {
        boolean inThread = hasThreads(chat) && session.staffPosts().findSent(chat, replyTo)
                .filter(post -> post.kind().isPing()).isPresent();
        OutboundMessage.Text note = new OutboundMessage.Text(text, List.of(), inThread ? "" : replyTo, "");
        session.outbox().enqueue(OutboxItem.staff(inThread ? new ChannelRef(chat.platform(), replyTo) : chat, note, now));
    }

    private void relay(StoreSession session, List<StaffPostStore.Post> pings, String text, Long complaintId,
                       Long handoverId, Long complaintNumber, Instant now) {
        relay(session, pings, text, null, complaintId, handoverId, complaintNumber, now);
    }

    private static Optional<StaffPostStore.Post> newestIn(List<StaffPostStore.Post> pings, ChannelRef chat) {
        return pings.stream().filter(ping -> ping.chat().equals(chat)).reduce((first, second) -> second);
    }

    /** {@code text} (with {@code photo}, if not null) under the newest of {@code pings} in every staff chat. */
    private void relay(StoreSession session, List<StaffPostStore.Post> pings, String text, Photo photo,
                       Long complaintId, Long handoverId, Long complaintNumber, Instant now) {
        for (ChannelRef chat : chats) {
            Optional<StaffPostStore.Post> newest = newestIn(pings, chat);
            ChannelRef where = chat;
            String replyTo = "";
            if (newest.isPresent() && newest.get().delivered()) {
                if (hasThreads(chat)) {
                    where = new ChannelRef(chat.platform(), newest.get().platformMessageId());
                } else {
                    replyTo = newest.get().platformMessageId();
                }
            }
            OutboxItem item = OutboxItem.staff(where, new OutboundMessage.Text(text, List.of(), replyTo, "")
                    .withPhoto(photo), now).aboutComplaint(complaintNumber);
            post(session, item, StaffPostStore.Kind.RELAY, complaintId, handoverId, now);
        }
    }

    /** Discord opens a thread under each ping (its id is the ping's); elsewhere staff reply to the ping. */
    private static boolean hasThreads(ChannelRef chat) {
        return chat.platform() == Platform.DISCORD;
    }

    private void post(StoreSession session, OutboxItem item, StaffPostStore.Kind kind, Long complaintId,
                      Long handoverId, Instant now) {
        session.outbox().enqueue(item).ifPresent(outboxId ->
                session.staffPosts().record(outboxId, item.channel(), kind, complaintId, handoverId, now));
    }

    private void edit(StoreSession session, StaffPostStore.Post ping, String text, List<List<Button>> buttons,
                      Long complaintNumber, Instant now) {
        if (!ping.delivered()) {
            if (session.staffPosts().unsent(ping.outboxId())) {
                throw new PingNotSentYet(ping);
            }
            return;
        }
        OutboundMessage.Edit edit = new OutboundMessage.Edit(ping.platformMessageId(), text, buttons);
        session.outbox().enqueue(OutboxItem.staff(ping.chat(), edit, now).aboutComplaint(complaintNumber));
    }

    private String complaintText(StoreSession session, Complaint complaint, StaffPostStore.Kind kind, int score) {
        Texts texts = texts();
        List<String> lines = new ArrayList<>();
        String ref = complaint.ref().toString();
        lines.add(kind == StaffPostStore.Kind.LOW_SCORE_PING
                ? texts.get("staff.ping.low_score", "ref", ref, "category", category(complaint), "score", score)
                : texts.get("staff.ping.complaint", "ref", ref, "category", category(complaint)));
        lines.add(texts.get("staff.ping.customer", "customer", customerName(session, complaint.customerId()),
                "platform", complaint.channel().platform().code()));
        lines.add(texts.get("staff.ping.description", "description", shortened(complaint.description())));
        if (!complaint.orderReference().isBlank()) {
            lines.add(texts.get("staff.ping.order", "order", complaint.orderReference()));
        }
        int files = session.complaints().attachments(complaint.id()).size();
        if (files > 0) {
            lines.add(texts.get("staff.ping.files", "count", files));
        }
        if (complaint.promisedAt() != null) {
            lines.add(texts.get("staff.ping.promise", "promise", when(complaint.promisedAt())));
        }
        lines.add(texts.get("staff.ping.status", "status", status(session, complaint)));
        return String.join("\n", lines);
    }

    private String status(StoreSession session, Complaint complaint) {
        Texts texts = texts();
        String holder = staffName(session, complaint.assigneeStaffId());
        return switch (complaint.status()) {
            case OPEN -> texts.get("staff.status.open");
            case IN_PROGRESS -> texts.get("staff.status.claimed", "name", holder);
            case RESOLVED -> texts.get("staff.status.resolved", "name", closedBy(session, complaint));
            case REFERRED -> texts.get("staff.status.referred", "name", closedBy(session, complaint));
            case WITHDRAWN -> texts.get("staff.status.withdrawn");
        };
    }

    /** Who resolved or referred the complaint last (the business's name when it was done through the API). */
    private String closedBy(StoreSession session, Complaint complaint) {
        Long staffId = null;
        for (RecordedEvent recorded : session.events().ofComplaint(complaint.id(), HISTORY)) {
            if (recorded.event() instanceof ComplaintResolved resolved) {
                staffId = resolved.staffId();
            } else if (recorded.event() instanceof ComplaintReferred referred) {
                staffId = referred.staffId();
            }
        }
        return staffName(session, staffId);
    }

    private String staffName(StoreSession session, Long staffId) {
        return Optional.ofNullable(staffId).flatMap(id -> session.staff().find(id)).map(StaffMember::name)
                .orElse(business.companyName());
    }

    private List<List<Button>> complaintButtons(Complaint complaint) {
        Texts texts = texts();
        String ref = complaint.ref().toString();
        if (!complaint.status().isActive()) {
            return List.of();
        }
        List<Button> first = new ArrayList<>();
        if (complaint.status() == ComplaintStatus.OPEN) {
            first.add(new Button(texts.get("staff.button.claim"), PREFIX + CLAIM + ":" + ref));
        }
        first.add(new Button(texts.get("staff.button.reply"), PREFIX + REPLY + ":" + ref));
        return List.of(first, List.of(new Button(texts.get("staff.button.resolve"), PREFIX + RESOLVE + ":" + ref),
                new Button(texts.get("staff.button.refer"), PREFIX + REFER + ":" + ref)));
    }

    private String handoverText(StoreSession session, HandoverRequest request) {
        Texts texts = texts();
        String holder = staffName(session, request.takenByStaffId());
        String status = switch (request.status()) {
            case HandoverRequest.TAKEN -> texts.get("staff.status.handover_taken", "name", holder);
            case HandoverRequest.CLOSED -> texts.get("staff.status.handover_closed", "name", holder);
            case HandoverRequest.CANCELLED -> texts.get("staff.status.handover_cancelled");
            default -> texts.get("staff.status.handover_open");
        };
        return String.join("\n",
                texts.get("staff.ping.handover", "customer", customerName(session, request.customerId()),
                        "platform", request.channel().platform().code()),
                texts.get("staff.ping.status", "status", status));
    }

    private List<List<Button>> handoverButtons(HandoverRequest request) {
        String id = String.valueOf(request.id());
        if (HandoverRequest.OPEN.equals(request.status())) {
            return List.of(List.of(new Button(texts().get("staff.button.take"), PREFIX + TAKE + ":" + id)));
        }
        if (HandoverRequest.TAKEN.equals(request.status())) {
            return List.of(List.of(new Button(texts().get("staff.button.back"), PREFIX + BACK + ":" + id)));
        }
        return List.of();
    }

    private String category(Complaint complaint) {
        return business.category(complaint.category()).map(category -> category.label(staffLanguage))
                .orElse(complaint.category());
    }

    private String when(Instant at) {
        return DateWording.date(at, business.zone(), staffLanguage) + " " + DateWording.time(at, business.zone(),
                staffLanguage);
    }

    static String customerName(StoreSession session, long customerId) {
        return session.customers().find(customerId).map(Customer::displayName).filter(name -> !name.isBlank())
                .orElse("#" + customerId);
    }

    private static String shortened(String text) {
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1) + "…";
    }

    private static String topic(String text) {
        return text.length() <= MAX_TOPIC ? text : text.substring(0, MAX_TOPIC - 1) + "…";
    }

    /** A ping is still in the outbox: its edit waits until the platform has given it an id. */
    static final class PingNotSentYet extends Reaction.NotYet {
        PingNotSentYet(StaffPostStore.Post ping) {
            this("the ping " + ping.outboxId() + " in " + ping.chat() + " is not sent yet; what goes under it waits");
        }

        PingNotSentYet(String message) {
            super(message);
        }
    }
}
