package io.retainbot.core.usecase;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.Referral;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintAnswered;
import io.retainbot.core.complaint.ComplaintClaimed;
import io.retainbot.core.complaint.ComplaintNoted;
import io.retainbot.core.complaint.ComplaintReassigned;
import io.retainbot.core.complaint.ComplaintReferred;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.ComplaintReopened;
import io.retainbot.core.complaint.ComplaintResolved;
import io.retainbot.core.complaint.ComplaintStatus;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.Reachability;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.usecase.CareInputs.AnswerComplaint;
import io.retainbot.core.usecase.CareInputs.ClaimComplaint;
import io.retainbot.core.usecase.CareInputs.ReassignComplaint;
import io.retainbot.core.usecase.CareInputs.ReferComplaint;
import io.retainbot.core.usecase.CareInputs.ReopenComplaint;
import io.retainbot.core.usecase.CareInputs.ResolveComplaint;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff operations on a complaint: claim, answer, resolve, refer, reassign, reopen, and internal notes. Called the same
 * way from the REST API and the staff chats. Each runs in one transaction: the change, what the
 * customer is told (outbox), the note in the complaint's history and its domain event commit together.
 */
public final class ComplaintCare {
    private static final Logger log = LoggerFactory.getLogger(ComplaintCare.class);

    private final CareTransactions transactions;
    private final Reactions reactions;
    private final Messages messages;
    private final BusinessConfig business;
    private final Clock clock;
    /** The language of the notes the bot writes in a complaint's history. */
    private final Texts staffTexts;

    public ComplaintCare(CareTransactions transactions) {
        this.transactions = transactions;
        this.reactions = transactions.reactions();
        this.messages = transactions.messages();
        this.business = transactions.business();
        this.clock = transactions.clock();
        this.staffTexts = transactions.staffTexts();
    }

    public CareResult claim(ClaimComplaint input) {
        return committed(session -> claim(session, input));
    }

    /** {@link #claim(ClaimComplaint)} in the caller's transaction (a staff chat's event); the caller wakes the outbox. */
    public CareResult claim(StoreSession session, ClaimComplaint input) {
        return change(session, input.ref(), input.actor(), (complaint, now) -> {
            if (!complaint.status().isActive()) {
                return conflict(complaint, "claimed");
            }
            if (!claimIn(session, complaint, input.actor(), now)) {
                return taken(session, input.ref());
            }
            return null;
        });
    }

    public CareResult answer(AnswerComplaint input) {
        return committed(session -> answer(session, input));
    }

    /** {@link #answer(AnswerComplaint)} in the caller's transaction (a staff chat's event); the caller wakes the outbox. */
    public CareResult answer(StoreSession session, AnswerComplaint input) {
        return change(session, input.ref(), input.actor(), (complaint, now) -> {
            if (!complaint.status().isActive()) {
                return conflict(complaint, "answered");
            }
            if (complaint.status() == ComplaintStatus.OPEN && !claimIn(session, complaint, input.actor(), now)) {
                return taken(session, input.ref());
            }
            String note = withPhotos(staffTexts, input.text(), input.photos().size());
            session.complaints().addStaffNote(complaint.id(), input.actor(), note, now);
            session.complaints().markResponded(complaint.id(), now);
            if (input.photos().isEmpty()) {
                tell(session, complaint, now, "care.answer", "text", input.text());
            } else {
                tellWithPhotos(session, complaint, now, input.text(), input.photos());
            }
            reactions.record(session, new ComplaintAnswered(complaint.id(), complaint.ref(), complaint.customerId(),
                    input.actor().staffId(), note, now), now);
            return null;
        });
    }

    public CareResult resolve(ResolveComplaint input) {
        return committed(session -> resolve(session, input));
    }

    /** {@link #resolve(ResolveComplaint)} in the caller's transaction (a staff chat's event); the caller wakes the outbox. */
    public CareResult resolve(StoreSession session, ResolveComplaint input) {
        return change(session, input.ref(), input.actor(), (complaint, now) -> {
            if (!session.complaints().close(complaint.id(), ComplaintStatus.RESOLVED, now)) {
                return conflict(complaint, "resolved");
            }
            session.complaints().markResponded(complaint.id(), now);
            if (!input.summary().isEmpty()) {
                session.complaints().addStaffNote(complaint.id(), input.actor(), input.summary(), now);
            }
            tell(session, complaint, now, input.summary().isEmpty() ? "care.resolved" : "care.resolved_with_summary",
                    "summary", input.summary());
            reactions.record(session, new ComplaintResolved(complaint.id(), complaint.ref(), complaint.customerId(),
                    input.actor().staffId(), input.summary(), now), now);
            return null;
        });
    }

    /**
     * The business cannot help: the complaint ends {@code referred}; the customer gets the explanation, the
     * referrals picked from the directory (name, what they do, contact, in their language) and an invitation
     * to come back. An unknown referral id is refused before anything changes.
     */
    public CareResult refer(ReferComplaint input) {
        return committed(session -> refer(session, input));
    }

    /** {@link #refer(ReferComplaint)} in the caller's transaction (a staff chat's event); the caller wakes the outbox. */
    public CareResult refer(StoreSession session, ReferComplaint input) {
        List<Referral> referrals = new java.util.ArrayList<>(input.referralIds().stream().map(id -> business.referrals()
                .stream().filter(referral -> referral.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("referrals: unknown referral " + id + "; the directory "
                        + "has " + (business.referrals().isEmpty() ? "none" : String.join(", ",
                        business.referrals().stream().map(Referral::id).toList()))))).toList());
        for (int i = 0; i < input.written().size(); i++) {
            CareInputs.WrittenReferral written = input.written().get(i);
            referrals.add(new Referral("written-" + (i + 1), java.util.Map.of("en", written.name()), written.contact(),
                    written.note().isEmpty() ? java.util.Map.of() : java.util.Map.of("en", written.note()), List.of()));
        }
        return change(session, input.ref(), input.actor(), (complaint, now) -> {
            if (!session.complaints().close(complaint.id(), ComplaintStatus.REFERRED, now)) {
                return conflict(complaint, "referred");
            }
            session.complaints().markResponded(complaint.id(), now);
            String record = (input.explanation() + "\n" + String.join("\n", referrals.stream()
                    .map(referral -> referralLine(staffTexts, referral)).toList())).strip();
            session.complaints().addStaffNote(complaint.id(), input.actor(), record, now);
            tellReferred(session, complaint, now, input.explanation(), referrals);
            reactions.record(session, new ComplaintReferred(complaint.id(), complaint.ref(), complaint.customerId(),
                    input.actor().staffId(), record, now), now);
            return null;
        });
    }

    /** "FixIt Repairs: repairs kitchenware, 02 8123 4567", in the reader's language (else English). */
    private static String referralLine(Texts texts, Referral referral) {
        String language = texts.language();
        String name = referral.name().getOrDefault(language, referral.name().get("en"));
        String what = referral.description().getOrDefault(language, referral.description().getOrDefault("en", ""));
        return what.isBlank() ? texts.get("care.referral", "name", name, "contact", referral.contact())
                : texts.get("care.referral_with_description", "name", name, "description", what,
                "contact", referral.contact());
    }

    private void tellReferred(StoreSession session, Complaint complaint, Instant now, String explanation,
                              List<Referral> referrals) {
        Optional<Reach> reach = reach(session, complaint);
        if (reach.isEmpty()) {
            return;
        }
        Texts texts = reach.get().texts();
        StringBuilder text = new StringBuilder(explanation);
        if (!referrals.isEmpty()) {
            text.append(text.length() == 0 ? "" : "\n").append(texts.get("care.referrals_intro"));
            referrals.forEach(referral -> text.append("\n").append(referralLine(texts, referral)));
        }
        String message = texts.get("care.referred", "ref", complaint.ref().toString(), "company",
                business.companyName(), "explanation", text.toString());
        session.outbox().enqueue(OutboxItem.reply(reach.get().channel(), OutboundMessage.Text.of(message),
                complaint.customerId(), now));
    }

    /** An internal note for colleagues: kept in the complaint's history with who wrote it; the customer is not told. */
    public CareResult note(CareInputs.NoteComplaint input) {
        return committed(session -> change(session, input.ref(), input.actor(), (complaint, now) -> {
            session.complaints().addInternalNote(complaint.id(), input.actor().staffId(), input.text(), now);
            reactions.record(session, new ComplaintNoted(complaint.id(), complaint.ref(), complaint.customerId(),
                    input.actor().staffId(), now), now);
            return null;
        }));
    }

    public CareResult reassign(ReassignComplaint input) {
        return committed(session -> reassign(session, input));
    }

    /** {@link #reassign(ReassignComplaint)} in the caller's transaction (a staff chat's event); the caller wakes the outbox. */
    public CareResult reassign(StoreSession session, ReassignComplaint input) {
        return change(session, input.ref(), input.actor(), (complaint, now) -> {
            if (!isActiveStaff(session, input.toStaffId())) {
                return new CareResult.Refused(CareResult.Reason.UNKNOWN_STAFF,
                        "no active staff member " + input.toStaffId());
            }
            if (!session.complaints().reassign(complaint.id(), input.toStaffId(), now)) {
                return conflict(complaint, "reassigned");
            }
            reactions.record(session, new ComplaintReassigned(complaint.id(), complaint.ref(), complaint.customerId(),
                    complaint.assigneeStaffId(), input.toStaffId(), input.actor().staffId(), now), now);
            return null;
        });
    }

    public CareResult reopen(ReopenComplaint input) {
        return committed(session -> reopen(session, input));
    }

    /** {@link #reopen(ReopenComplaint)} in the caller's transaction (a staff chat's event); the caller wakes the outbox. */
    public CareResult reopen(StoreSession session, ReopenComplaint input) {
        return change(session, input.ref(), input.actor(), (complaint, now) -> {
            if (!session.complaints().reopen(complaint.id(), now)) {
                return new CareResult.Refused(CareResult.Reason.CONFLICT, complaint.ref() + " is "
                        + complaint.status().code() + "; only resolved or referred complaints can be reopened");
            }
            session.complaints().addStaffNote(complaint.id(), input.actor(),
                    input.reason().isEmpty() ? staffTexts.get("history.reopened")
                            : staffTexts.get("history.reopened_because", "reason", input.reason()), now);
            reactions.record(session, new ComplaintReopened(complaint.id(), complaint.ref(), complaint.customerId(),
                    input.actor().staffId(), input.reason(), now), now);
            return null;
        });
    }

    /**
     * Takes the complaint on for {@code actor}; false when another staff member holds it (a staff member
     * claims only what nobody or they themselves hold; the API may take over anything).
     */
    private boolean claimIn(StoreSession session, Complaint complaint, Actor actor, Instant now) {
        boolean held = actor.staff().isPresent() && complaint.assigneeStaffId() != null
                && !complaint.assigneeStaffId().equals(actor.staffId());
        if (held || !session.complaints().claim(complaint.id(), actor.staffId(), now)) {
            return false;
        }
        reactions.record(session, new ComplaintClaimed(complaint.id(), complaint.ref(), complaint.customerId(),
                actor.staffId(), now), now);
        return true;
    }

    /** Someone else was quicker: the refusal names who holds the complaint now. */
    private static CareResult taken(StoreSession session, ComplaintRef ref) {
        Optional<Complaint> now = session.complaints().find(ref);
        String holder = now.map(Complaint::assigneeStaffId).flatMap(id -> session.staff().find(id))
                .map(staff -> staff.name()).orElse("someone else");
        if (now.isPresent() && !now.get().status().isActive()) {
            return conflict(now.get(), "claimed");
        }
        return new CareResult.Refused(CareResult.Reason.CONFLICT, ref + " is already claimed by " + holder);
    }

    /** One operation in its own transaction; after a change, the outbox and the reactions are woken. */
    private CareResult committed(java.util.function.Function<StoreSession, CareResult> work) {
        return transactions.committed(work, CareResult.Done.class::isInstance);
    }

    /** One operation: find the complaint, check the actor, apply; null from {@code work} means done. */
    private CareResult change(StoreSession session, ComplaintRef ref, Actor actor, Work work) {
        Instant now = clock.instant();
        if (actor.staff().isPresent() && !isActiveStaff(session, actor.staffId())) {
            return new CareResult.Refused(CareResult.Reason.UNKNOWN_STAFF, "no active staff member "
                    + actor.staffId());
        }
        Optional<Complaint> found = session.complaints().find(ref);
        if (found.isEmpty()) {
            return new CareResult.Refused(CareResult.Reason.NOT_FOUND, "no complaint " + ref);
        }
        CareResult refused = work.apply(found.get(), now);
        if (refused != null) {
            return refused;
        }
        Complaint changed = session.complaints().find(ref).orElseThrow();
        log.info("complaint {} is now {} (by {})", ref, changed.status().code(),
                actor.staff().map(id -> "staff " + id).orElse("the API"));
        return new CareResult.Done(changed);
    }

    @FunctionalInterface
    private interface Work {
        CareResult apply(Complaint complaint, Instant now);
    }

    private static CareResult conflict(Complaint complaint, String verb) {
        return new CareResult.Refused(CareResult.Reason.CONFLICT,
                complaint.ref() + " is " + complaint.status().code() + " and cannot be " + verb);
    }

    private static boolean isActiveStaff(StoreSession session, long staffId) {
        return session.staff().find(staffId).filter(staff -> staff.active()).isPresent();
    }

    /** Tells the customer, in their language and tone, on the complaint's chat or another they can be reached on. */
    /** How an answer with photos reads in the complaint's history: its text and how many photos went with it. */
    private static String withPhotos(Texts staffTexts, String text, int photos) {
        if (photos == 0) {
            return text;
        }
        String mark = photos == 1 ? staffTexts.get("history.photo_one") : staffTexts.get("history.photos", "count", photos);
        return text.isEmpty() ? mark : mark + " " + text;
    }

    /**
     * The answer's photos, one message each: the first with the answer's text (or "a photo" when it has none),
     * the others numbered.
     */
    private void tellWithPhotos(StoreSession session, Complaint complaint, Instant now, String text,
                                List<Photo> photos) {
        Optional<Reach> reach = reach(session, complaint);
        if (reach.isEmpty()) {
            return;
        }
        Texts texts = reach.get().texts();
        List<String> words = photoTexts(texts, text, photos.size());
        for (int i = 0; i < photos.size(); i++) {
            String said = texts.get("care.answer", "ref", complaint.ref().toString(), "company", business.companyName(),
                    "text", words.get(i));
            session.outbox().enqueue(OutboxItem.reply(reach.get().channel(), OutboundMessage.Text.of(said)
                    .withPhoto(photos.get(i)), complaint.customerId(), now).aboutComplaint(complaint.ref().number()));
        }
    }

    /** Where and in which words the customer of a complaint is told something. */
    private record Reach(ChannelRef channel, Texts texts) {
    }

    /** The customer's chat (the complaint's, else another of theirs) and texts; empty (and logged) for none. */
    private Optional<Reach> reach(StoreSession session, Complaint complaint) {
        Optional<Customer> customer = session.customers().find(complaint.customerId());
        Optional<ChannelRef> channel = customer.flatMap(found -> Reachability.channelFor(
                session.customers().identities(found.id()), complaint.channel()));
        if (channel.isEmpty()) {
            log.info("customer of {} cannot be reached on any chat; not told", complaint.ref());
            return Optional.empty();
        }
        return Optional.of(new Reach(channel.get(), messages.in(customer.get().language(), customer.get().tone())));
    }

    /**
     * The words that go with each of {@code count} photos a staff member sent with {@code text}: the first with
     * the text (or "a photo" without one), the others numbered.
     */
    public static List<String> photoTexts(Texts texts, String text, int count) {
        List<String> words = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i == 0 && !text.isBlank()) {
                words.add(text);
            } else {
                words.add(count == 1 ? texts.get("care.photo_one")
                        : texts.get("care.photo", "number", i + 1, "count", count));
            }
        }
        return words;
    }

    private void tell(StoreSession session, Complaint complaint, Instant now, String key, String name, String value) {
        Optional<Reach> reach = reach(session, complaint);
        if (reach.isEmpty()) {
            return;
        }
        Texts texts = reach.get().texts();
        String text = texts.get(key, "ref", complaint.ref().toString(), "company", business.companyName(), name, value);
        session.outbox().enqueue(OutboxItem.reply(reach.get().channel(), OutboundMessage.Text.of(text), complaint.customerId(),
                now));
    }
}
