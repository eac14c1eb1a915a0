package io.retainbot.core.engine;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.feedback.HandoverRequest;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.StaffPostStore;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.reaction.StaffChats;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.usecase.CareInputs;
import io.retainbot.core.usecase.CareResult;
import io.retainbot.core.usecase.ComplaintCare;
import io.retainbot.core.usecase.HandoverCare;
import io.retainbot.core.usecase.HandoverResult;
import io.retainbot.core.usecase.Reviews;
import io.retainbot.core.usecase.Sales;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What staff do in the staff chats, through the engine's door: a button on a ping (claim, reply, resolve,
 * can't help; take or hand back a request for a person), a reply to a ping or a message in its thread
 * (an answer to the customer: words, photos or both), a button under a customer of the weekly review list, or a
 * staff command. Everything runs in the event's transaction and calls the
 * same use cases as the REST API. Button data is forgeable and read as such; whoever is not active staff
 * is turned away before this class is reached.
 */
final class StaffDesk {
    private final StaffChats staffChats;
    private final ComplaintCare care;
    private final StaffCommands commands;
    private final BusinessConfig business;
    private final HandoverCare handovers;
    private final ReviewButtons reviewButtons;

    StaffDesk(StaffChats staffChats, ComplaintCare care, HandoverCare handovers, Sales sales, Reviews reviews,
              BusinessConfig business) {
        this.staffChats = staffChats;
        this.reviewButtons = new ReviewButtons(staffChats, reviews);
        this.care = care;
        this.handovers = handovers;
        this.commands = new StaffCommands(staffChats, business, sales);
        this.business = business;
    }

    /** Whether the event is a staff action (refused and logged when a non-staff user tries it). */
    static boolean isAction(InboundEvent event) {
        return event instanceof InboundEvent.ButtonPressed pressed && pressed.data().startsWith(StaffChats.PREFIX)
                || event instanceof InboundEvent.CommandReceived
                || event instanceof InboundEvent.TextReceived text && !text.replyTo().isEmpty()
                || event instanceof InboundEvent.AttachmentReceived files && !files.replyTo().isEmpty();
    }

    void act(StoreSession session, StaffMember staff, InboundEvent event, Instant now) {
        if (event instanceof InboundEvent.ButtonPressed pressed) {
            press(session, staff, pressed, now);
        } else if (event instanceof InboundEvent.TextReceived text && !text.replyTo().isEmpty()) {
            session.staffPosts().findSent(text.channel(), text.replyTo()).ifPresent(post ->
                    answer(session, staff, text.channel(), text.replyTo(), post, text.text(), List.of(), now));
        } else if (event instanceof InboundEvent.AttachmentReceived files && !files.replyTo().isEmpty()) {
            session.staffPosts().findSent(files.channel(), files.replyTo())
                    .ifPresent(post -> answerWithFiles(session, staff, files, post, now));
        } else if (event instanceof InboundEvent.CommandReceived command) {
            command(session, staff, command, now);
        }
    }

    private void press(StoreSession session, StaffMember staff, InboundEvent.ButtonPressed pressed, Instant now) {
        ChannelRef chat = pressed.channel();
        String where = pressed.messageId();
        String[] parts = pressed.data().split(":", 3);
        if (parts.length != 3) {
            staffChats.tell(session, chat, where, texts().get("staff.button.stale"), now);
            return;
        }
        String action = parts[1];
        if (action.equals(StaffChats.TAKE) || action.equals(StaffChats.BACK)) {
            Optional<HandoverRequest> request = parseId(parts[2]).flatMap(id -> session.feedback().findHandover(id));
            if (request.isEmpty()) {
                staffChats.tell(session, chat, where, texts().get("staff.button.stale"), now);
            } else if (action.equals(StaffChats.TAKE)) {
                take(session, staff, chat, where, request.get(), now);
            } else {
                handBack(session, staff, chat, where, request.get(), now);
            }
            return;
        }
        if (action.equals(StaffChats.PICK) || action.equals(StaffChats.SEND)) {
            pick(session, staff, pressed, action, parts[2], now);
            return;
        }
        if (ReviewButtons.handles(action)) {
            reviewButtons.press(session, staff, pressed, action, parts[2], now);
            return;
        }
        Optional<ComplaintRef> ref = ComplaintRef.parse(parts[2]);
        if (ref.isEmpty()) {
            staffChats.tell(session, chat, where, texts().get("staff.button.stale"), now);
            return;
        }
        Actor actor = Actor.staff(staff.id());
        switch (action) {
            case StaffChats.CLAIM -> report(session, chat, where, ref.get(),
                    care.claim(session, new CareInputs.ClaimComplaint(ref.get(), actor)), false, now);
            case StaffChats.REPLY -> staffChats.tell(session, chat, where,
                    texts().get("staff.how_to_reply." + chat.platform().code(), "ref", ref.get().toString()), now);
            case StaffChats.RESOLVE -> resolve(session, staff, chat, where, ref.get(), "", now);
            case StaffChats.REFER -> offerReferrals(session, chat, where, ref.get(), now);
            default -> staffChats.tell(session, chat, where, texts().get("staff.button.stale"), now);
        }
    }

    /**
     * A staff member's photos (with or without words) under a ping or a relayed message: for the customer. Files
     * that are not photos are not passed on, and the staff member is told so.
     */
    private void answerWithFiles(StoreSession session, StaffMember staff, InboundEvent.AttachmentReceived files,
                                 StaffPostStore.Post post, Instant now) {
        List<Photo> photos = files.files().stream().flatMap(file -> Photo.of(files.platform(), file).stream()).toList();
        if (photos.size() < files.files().size()) {
            staffChats.tell(session, files.channel(), files.replyTo(), texts().get("staff.answer.photos_only"), now);
        }
        answer(session, staff, files.channel(), files.replyTo(), post, files.caption(), photos, now);
    }

    /** A staff member's words (and photos) under a ping or a relayed message: for the customer. */
    private void answer(StoreSession session, StaffMember staff, ChannelRef chat, String where, StaffPostStore.Post post,
                        String text, List<Photo> photos, Instant now) {
        if (text.isBlank() && photos.isEmpty()) {
            return;
        }
        if (post.handoverId() != null) {
            session.feedback().findHandover(post.handoverId())
                    .ifPresent(request -> speakAsPerson(session, staff, chat, where, request, text, photos, now));
            return;
        }
        Optional<Complaint> complaint = complaintOf(session, post);
        if (complaint.isEmpty()) {
            return;
        }
        if (heldByOther(session, staff, complaint.get(), chat, where, now)) {
            return;
        }
        report(session, chat, where, complaint.get().ref(), care.answer(session,
                new CareInputs.AnswerComplaint(complaint.get().ref(), Actor.staff(staff.id()), bounded(text), photos)),
                false, now);
    }

    private void command(StoreSession session, StaffMember staff, InboundEvent.CommandReceived command, Instant now) {
        ChannelRef chat = command.channel();
        String where = command.replyTo();
        Optional<StaffPostStore.Post> post = session.staffPosts().findSent(chat, where);
        switch (command.name()) {
            case "done" -> {
                Optional<HandoverRequest> request = post.map(StaffPostStore.Post::handoverId)
                        .flatMap(id -> session.feedback().findHandover(id));
                if (request.isEmpty()) {
                    staffChats.tell(session, chat, where, texts().get("staff.done.where"), now);
                } else {
                    handBack(session, staff, chat, where, request.get(), now);
                }
            }
            case "resolve", "refer" -> {
                StaffCommands.Target target = commands.target(session, post, command.argument());
                if (target.ref().isEmpty()) {
                    staffChats.tell(session, chat, where, texts().get("staff." + command.name() + ".usage"), now);
                } else if (command.name().equals("resolve")) {
                    resolve(session, staff, chat, where, target.ref().get(), target.rest(), now);
                } else {
                    refer(session, staff, chat, where, target.ref().get(), target.rest(), now);
                }
            }
            default -> staffChats.tell(session, chat, where, commands.run(session, staff, command, post, now), now);
        }
    }

    private void resolve(StoreSession session, StaffMember staff, ChannelRef chat, String where, ComplaintRef ref,
                         String summary, Instant now) {
        Optional<Complaint> complaint = session.complaints().find(ref);
        if (complaint.isPresent() && heldByOther(session, staff, complaint.get(), chat, where, now)) {
            return;
        }
        report(session, chat, where, ref, care.resolve(session,
                new CareInputs.ResolveComplaint(ref, Actor.staff(staff.id()), bounded(summary))), false, now);
    }

    private void refer(StoreSession session, StaffMember staff, ChannelRef chat, String where, ComplaintRef ref,
                       String explanation, Instant now) {
        if (explanation.isBlank()) {
            offerReferrals(session, chat, where, ref, now);
            return;
        }
        referWith(session, staff, chat, where, ref, bounded(explanation), List.of(), true, now);
    }

    /** Refers the complaint ({@code confirm}: and says so); true when it is referred now. */
    private boolean referWith(StoreSession session, StaffMember staff, ChannelRef chat, String where, ComplaintRef ref,
                              String explanation, List<String> referralIds, boolean confirm, Instant now) {
        Optional<Complaint> complaint = session.complaints().find(ref);
        if (complaint.isPresent() && heldByOther(session, staff, complaint.get(), chat, where, now)) {
            return false;
        }
        CareResult result = care.refer(session, new CareInputs.ReferComplaint(ref, Actor.staff(staff.id()),
                explanation, referralIds));
        report(session, chat, where, ref, result, confirm, now);
        return result instanceof CareResult.Done;
    }

    /**
     * Cannot help: the directory's entries for the complaint's category to pick from, under the ping; without
     * any (or for a complaint that is over), how to refer it in one's own words.
     */
    private void offerReferrals(StoreSession session, ChannelRef chat, String where, ComplaintRef ref, Instant now) {
        Optional<Complaint> complaint = session.complaints().find(ref).filter(found -> found.status().isActive());
        ReferralPicker picker = new ReferralPicker(business, texts());
        if (complaint.isEmpty() || picker.offered(complaint.get()).isEmpty()) {
            staffChats.tell(session, chat, where, commands.referHelp(session, ref), now);
            return;
        }
        session.outbox().enqueue(OutboxItem.staff(chat, picker.picker(complaint.get(), where), now)
                .aboutComplaint(ref.number()));
    }

    /** A referral picked or unpicked (the picker is rewritten), or the picked ones sent. */
    private void pick(StoreSession session, StaffMember staff, InboundEvent.ButtonPressed pressed, String action,
                      String argument, Instant now) {
        ChannelRef chat = pressed.channel();
        String where = pressed.messageId();
        String[] refAndSelection = argument.split(":", 2);
        Optional<ComplaintRef> ref = ComplaintRef.parse(refAndSelection[0]);
        Optional<Integer> selection = refAndSelection.length == 2 ? ReferralPicker.selection(refAndSelection[1])
                : Optional.empty();
        Optional<Complaint> complaint = ref.flatMap(found -> session.complaints().find(found));
        ReferralPicker picker = new ReferralPicker(business, texts());
        if (complaint.isEmpty() || selection.isEmpty()) {
            staffChats.tell(session, chat, where, texts().get("staff.button.stale"), now);
            return;
        }
        Optional<List<String>> ids = picker.ids(complaint.get(), selection.get());
        if (action.equals(StaffChats.PICK)) {
            if (ids.isEmpty() && selection.get() != 0) {
                staffChats.tell(session, chat, where, texts().get("staff.button.stale"), now);
            } else {
                session.outbox().enqueue(OutboxItem.staff(chat, picker.picked(complaint.get(), where, selection.get()),
                        now).aboutComplaint(ref.get().number()));
            }
        } else if (ids.isEmpty()) {
            staffChats.tell(session, chat, where, texts().get(selection.get() == 0 ? "staff.refer.pick_first"
                    : "staff.button.stale"), now);
        } else if (referWith(session, staff, chat, where, ref.get(), "", ids.get(), false, now)) {
            session.outbox().enqueue(OutboxItem.staff(chat, picker.sent(complaint.get(), where, selection.get()), now)
                    .aboutComplaint(ref.get().number()));
        }
    }

    /** Says what went wrong, if anything; a change shows in the edited ping, {@code confirm} says it as well. */
    private void report(StoreSession session, ChannelRef chat, String where, ComplaintRef ref, CareResult result,
                        boolean confirm, Instant now) {
        if (result instanceof CareResult.Done done) {
            if (confirm) {
                staffChats.tell(session, chat, where, texts().get("staff.done." + done.complaint().status().code(),
                        "ref", ref.toString()), now);
            }
            return;
        }
        CareResult.Refused refused = (CareResult.Refused) result;
        Optional<Complaint> complaint = session.complaints().find(ref);
        String text = switch (refused.reason()) {
            case NOT_FOUND -> texts().get("staff.unknown_complaint", "ref", ref.toString());
            case UNKNOWN_STAFF -> texts().get("staff.not_staff");
            case CONFLICT -> complaint.filter(found -> found.status().isActive())
                    .map(found -> texts().get("staff.claim.taken", "ref", ref.toString(),
                            "name", holderName(session, found)))
                    .orElseGet(() -> texts().get("staff.not_active", "ref", ref.toString(), "status",
                            complaint.map(found -> texts().get("complaint.status." + found.status().code()))
                                    .orElse("")));
        };
        staffChats.tell(session, chat, where, text, now);
    }

    /** An agent acts only on complaints nobody or they themselves hold; supervisors and admins on any. */
    private boolean heldByOther(StoreSession session, StaffMember staff, Complaint complaint, ChannelRef chat,
                                String where, Instant now) {
        boolean other = complaint.assigneeStaffId() != null && complaint.assigneeStaffId() != staff.id()
                && staff.role() != StaffRole.SUPERVISOR && staff.role() != StaffRole.ADMIN;
        if (other) {
            staffChats.tell(session, chat, where, texts().get("staff.not_yours", "ref", complaint.ref().toString(),
                    "name", holderName(session, complaint)), now);
        }
        return other;
    }

    private void take(StoreSession session, StaffMember staff, ChannelRef chat, String where, HandoverRequest request,
                      Instant now) {
        HandoverResult result = handovers.take(session, new CareInputs.TakeHandover(request.id(),
                Actor.staff(staff.id())));
        if (result instanceof HandoverResult.Refused refused) {
            tellRefused(session, chat, where, refused, now);
        }
    }

    private void handBack(StoreSession session, StaffMember staff, ChannelRef chat, String where,
                          HandoverRequest request, Instant now) {
        HandoverResult result = handovers.close(session, new CareInputs.CloseHandover(request.id(),
                Actor.staff(staff.id())));
        if (result instanceof HandoverResult.Refused refused) {
            tellRefused(session, chat, where, refused, now);
        }
    }

    private void tellRefused(StoreSession session, ChannelRef chat, String where, HandoverResult.Refused refused,
                             Instant now) {
        staffChats.tell(session, chat, where, refused.takenBy() != null
                ? texts().get("staff.handover.taken", "name", refused.takenBy())
                : texts().get("staff.handover.over"), now);
    }

    /** The person who took a request talks with the customer; an open request is taken by answering it. */
    private void speakAsPerson(StoreSession session, StaffMember staff, ChannelRef chat, String where,
                               HandoverRequest request, String text, List<Photo> photos, Instant now) {
        HandoverResult result = handovers.reply(session, new CareInputs.ReplyHandover(request.id(),
                Actor.staff(staff.id()), bounded(text), photos));
        if (result instanceof HandoverResult.Refused refused) {
            tellRefused(session, chat, where, refused, now);
        }
    }

    private Optional<Complaint> complaintOf(StoreSession session, StaffPostStore.Post post) {
        if (post.complaintId() == null) {
            return Optional.empty();
        }
        return session.complaints().byId(post.complaintId());
    }

    private static String holderName(StoreSession session, Complaint complaint) {
        return Optional.ofNullable(complaint.assigneeStaffId()).flatMap(id -> session.staff().find(id))
                .map(StaffMember::name).orElse("?");
    }

    private Texts texts() {
        return staffChats.texts();
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }

    private static String bounded(String text) {
        String stripped = text.strip();
        return stripped.length() <= CareInputs.MAX_TEXT ? stripped : stripped.substring(0, CareInputs.MAX_TEXT);
    }
}
