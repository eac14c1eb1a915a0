package io.retainbot.core.usecase;

import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.feedback.HandoverAnswered;
import io.retainbot.core.feedback.HandoverClosed;
import io.retainbot.core.feedback.HandoverMessage;
import io.retainbot.core.feedback.HandoverRequest;
import io.retainbot.core.feedback.HandoverTaken;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.usecase.CareInputs.CloseHandover;
import io.retainbot.core.usecase.CareInputs.ReplyHandover;
import io.retainbot.core.usecase.CareInputs.TakeHandover;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer's request to talk to a person, from the staff side: a staff member takes it (the customer's
 * chat is then with that person: what they write goes to the staff chats, and they are told a person
 * answers now), writes to the customer (words and photos, on the customer's own channel, as
 * "Firstname (Company): ...": customers know the person by the first name; each word is kept with the request
 * and who wrote it),
 * and closes it when done (the customer is told the bot is back, and the chat's
 * conversation is the bot's again). The one door for this: the staff chats' buttons, replies and {@code /done},
 * the console and the REST API call the same methods. Two colleagues taking one request at once: one wins, the other
 * is told who has it; an agent cannot hand back a chat a colleague holds (supervisors and admins can).
 */
public final class HandoverCare {
    private static final Logger log = LoggerFactory.getLogger(HandoverCare.class);

    /** What the customer is shown when a person takes their chat or hands it back: the dialogue words it. */
    public interface Wording {
        /** A person answers now (with the way back to the bot). */
        OutboundMessage taken(Texts texts, String person, String company);

        /** The person handed the chat back to the bot (with what the bot can do). */
        OutboundMessage handedBack(Texts texts, String person, String company);

        /** Nobody took the request, and staff closed it (with what the bot can do). */
        OutboundMessage cancelled(Texts texts);
    }

    /** How far before the request its conversation is shown: what led the customer to ask for a person. */
    public static final Duration LEAD_IN = Duration.ofMinutes(30);
    /** How many of the newest lines of a request's conversation are shown. */
    public static final int EXCHANGE_LINES = 100;

    private final CareTransactions transactions;
    private final Wording wording;

    public HandoverCare(CareTransactions transactions, Wording wording) {
        this.transactions = transactions;
        this.wording = wording;
    }

    public HandoverResult take(TakeHandover input) {
        return transactions.committed(session -> take(session, input), HandoverResult.Done.class::isInstance);
    }

    /** {@link #take(TakeHandover)} in the caller's transaction (a staff chat's event); the caller wakes the outbox. */
    public HandoverResult take(StoreSession session, TakeHandover input) {
        Instant now = transactions.clock().instant();
        long staffId = input.actor().staffId();
        Optional<StaffMember> staff = activeStaff(session, staffId);
        if (staff.isEmpty()) {
            return unknownStaff(staffId);
        }
        Optional<HandoverRequest> found = session.feedback().findHandover(input.requestId());
        if (found.isEmpty()) {
            return notFound(input.requestId());
        }
        // the chat's lock first, as the engine takes it: no deadlock with the customer writing meanwhile
        session.conversations().lock(found.get().channel(), now);
        HandoverRequest request = session.feedback().findHandover(input.requestId()).orElseThrow();
        if (!session.feedback().takeHandover(request.id(), staffId, now)) {
            HandoverRequest current = session.feedback().findHandover(request.id()).orElseThrow();
            if (HandoverRequest.TAKEN.equals(current.status()) && current.takenByStaffId() != null
                    && current.takenByStaffId() == staffId) {
                return new HandoverResult.Done(current);
            }
            return takenOrEnded(session, current);
        }
        session.conversations().withPerson(request.channel(), staff.get().firstName(), now);
        Texts texts = transactions.textsFor(session, request.customerId());
        tell(session, request, wording.taken(texts, staff.get().firstName(), transactions.business().companyName()),
                now);
        transactions.reactions().record(session, new HandoverTaken(request.id(), request.customerId(),
                request.channel(), staffId, now), now);
        return done(session, request, "taken", input.actor());
    }

    public HandoverResult reply(ReplyHandover input) {
        return transactions.committed(session -> reply(session, input), HandoverResult.Done.class::isInstance);
    }

    /**
     * {@link #reply(ReplyHandover)} in the caller's transaction (a staff chat's event); the caller wakes the outbox.
     * Only the person who has the conversation writes in it; writing to an open request takes it first.
     */
    public HandoverResult reply(StoreSession session, ReplyHandover input) {
        HandoverResult taken = take(session, new TakeHandover(input.requestId(), input.actor()));
        if (!(taken instanceof HandoverResult.Done done)) {
            return taken;
        }
        Instant now = transactions.clock().instant();
        HandoverRequest request = done.request();
        StaffMember staff = session.staff().find(input.actor().staffId()).orElseThrow();
        Texts texts = transactions.textsFor(session, request.customerId());
        if (input.photos().isEmpty()) {
            say(session, request, staff, input.text(), null, personSays(texts, staff, input.text()), now);
        } else {
            List<String> words = ComplaintCare.photoTexts(texts, input.text(), input.photos().size());
            for (int i = 0; i < input.photos().size(); i++) {
                say(session, request, staff, i == 0 ? input.text() : "", input.photos().get(i),
                        personSays(texts, staff, words.get(i)), now);
            }
        }
        transactions.reactions().record(session, new HandoverAnswered(request.id(), request.customerId(),
                request.channel(), staff.id(), input.photos().size(), now), now);
        return new HandoverResult.Done(request);
    }

    /** "Mia (Company): ...": customers read the person's first name. */
    private String personSays(Texts texts, StaffMember staff, String text) {
        return texts.get("handover.person_says", "name", staff.firstName(), "company",
                transactions.business().companyName(), "text", text);
    }

    /** Sends what the person wrote and keeps it word for word, with who wrote it. */
    private static void say(StoreSession session, HandoverRequest request, StaffMember staff, String words,
                            Photo photo, String sent, Instant now) {
        OutboundMessage.Text message = OutboundMessage.Text.of(sent).withPhoto(photo);
        tell(session, request, message, now);
        session.feedback().keepHandoverMessage(HandoverMessage.fromStaff(request.id(), staff.id(), words,
                photo == null ? List.of() : List.of(photo), sent, now));
    }

    public HandoverResult close(CloseHandover input) {
        return transactions.committed(session -> close(session, input), HandoverResult.Done.class::isInstance);
    }

    /** {@link #close(CloseHandover)} in the caller's transaction (a staff chat's event); the caller wakes the outbox. */
    public HandoverResult close(StoreSession session, CloseHandover input) {
        Instant now = transactions.clock().instant();
        Optional<StaffMember> staff = input.actor().staff().flatMap(id -> activeStaff(session, id));
        if (input.actor().staff().isPresent() && staff.isEmpty()) {
            return unknownStaff(input.actor().staffId());
        }
        Optional<HandoverRequest> found = session.feedback().findHandover(input.requestId());
        if (found.isEmpty()) {
            return notFound(input.requestId());
        }
        session.conversations().lock(found.get().channel(), now);
        HandoverRequest request = session.feedback().findHandover(input.requestId()).orElseThrow();
        if (staff.isPresent() && heldByColleague(staff.get(), request)) {
            return takenOrEnded(session, request);
        }
        if (!session.feedback().closeHandover(request.id(), now)) {
            return takenOrEnded(session, request);
        }
        session.conversations().handBack(request.channel(), now);
        Optional<String> person = Optional.ofNullable(request.takenByStaffId())
                .flatMap(id -> session.staff().find(id)).map(StaffMember::firstName);
        Texts texts = transactions.textsFor(session, request.customerId());
        tell(session, request, person.map(name -> wording.handedBack(texts, name,
                transactions.business().companyName())).orElseGet(() -> wording.cancelled(texts)), now);
        transactions.reactions().record(session, new HandoverClosed(request.id(), request.customerId(),
                request.channel(), request.takenByStaffId(), input.actor().staffId(), now), now);
        return done(session, request, "closed", input.actor());
    }

    /**
     * What was said in the request's chat, oldest first: from a little before the request ({@link #LEAD_IN}) until
     * it ended (or now), the newest {@link #EXCHANGE_LINES}: the customer's messages, the bot's and the person's (with
     * who wrote them). What the customer wrote while waiting for or talking with the person, and what the person
     * wrote, is shown word for word with its photos (kept with the request); the rest as the interaction log
     * summarises it.
     */
    public static List<HandoverLine> exchange(StoreSession session, HandoverRequest request, Instant now) {
        Instant to = request.closedAt() == null ? now.plus(Duration.ofMinutes(1)) : request.closedAt().plus(LEAD_IN);
        List<Interaction> logged = session.interactions().recentInChat(request.channel(),
                request.createdAt().minus(LEAD_IN), to, EXCHANGE_LINES);
        // each kept message takes the place of its entry in the log; one not logged (yet) goes in by its time
        Map<Interaction, HandoverMessage> replaced = new IdentityHashMap<>();
        List<HandoverMessage> unlogged = new ArrayList<>();
        List<Interaction> unmatched = new ArrayList<>(logged);
        for (HandoverMessage message : session.feedback().handoverMessages(request.id(), EXCHANGE_LINES)) {
            Interaction entry = loggedAs(unmatched, message);
            if (entry == null) {
                unlogged.add(message);
            } else {
                unmatched.remove(entry);
                replaced.put(entry, message);
            }
        }
        List<HandoverLine> lines = new ArrayList<>();
        for (Interaction entry : logged) {
            HandoverMessage message = replaced.get(entry);
            if (message != null) {
                lines.add(line(message, entry.occurredAt()));
            } else if (!entry.summary().isBlank()) {
                lines.add(new HandoverLine(entry.direction(), entry.kind(), null, entry.summary(), List.of(), 0,
                        entry.occurredAt()));
            }
        }
        for (HandoverMessage message : unlogged) {
            int at = 0;
            while (at < lines.size() && !lines.get(at).at().isAfter(message.occurredAt())) {
                at++;
            }
            lines.add(at, line(message, message.occurredAt()));
        }
        return lines.size() <= EXCHANGE_LINES ? lines : List.copyOf(lines.subList(lines.size() - EXCHANGE_LINES,
                lines.size()));
    }

    private static HandoverLine line(HandoverMessage message, Instant at) {
        return message.fromCustomer()
                ? new HandoverLine(Interaction.Direction.INBOUND, HandoverLine.CUSTOMER_WROTE, null, message.text(),
                        message.photos(), message.id(), at)
                : new HandoverLine(Interaction.Direction.OUTBOUND, HandoverLine.PERSON_WROTE, message.staffId(),
                        message.text(), message.photos(), message.id(), at);
    }

    /**
     * The log's entry of a kept message (null: none, or not yet sent): the customer's is logged with the same time
     * as the event that brought it, as the start of its words ("photo: " and the caption for photos); the person's
     * once it was delivered, as the summary of the text sent.
     */
    private static Interaction loggedAs(List<Interaction> logged, HandoverMessage message) {
        if (message.fromCustomer()) {
            return logged.stream().filter(line -> line.direction() == Interaction.Direction.INBOUND
                    && line.occurredAt().equals(message.occurredAt()) && summarises(line.summary(), message.text()))
                    .findFirst().orElse(null);
        }
        String summary = Interaction.sentSummary(message.sentText(), !message.photos().isEmpty());
        return logged.stream().filter(line -> line.direction() == Interaction.Direction.OUTBOUND
                && "message_sent".equals(line.kind()) && !line.occurredAt().isBefore(message.occurredAt())
                && line.summary().equals(summary)).findFirst().orElse(null);
    }

    /** Whether the log's {@code summary} of an inbound message is of these words: "words…" or "photo: words…". */
    private static boolean summarises(String summary, String words) {
        String start = summary.endsWith("…") ? summary.substring(0, summary.length() - 1) : summary;
        if (words.startsWith(start)) {
            return true;
        }
        int files = start.indexOf(": ");
        return files > 0 && words.startsWith(start.substring(files + 2))
                || files < 0 && words.isBlank() && start.matches("[a-z]+(, [a-z]+)*");
    }

    /** An agent hands back only what nobody or they themselves took; supervisors and admins any. */
    private static boolean heldByColleague(StaffMember staff, HandoverRequest request) {
        return HandoverRequest.TAKEN.equals(request.status()) && request.takenByStaffId() != null
                && request.takenByStaffId() != staff.id()
                && staff.role() != StaffRole.SUPERVISOR && staff.role() != StaffRole.ADMIN;
    }

    private static HandoverResult done(StoreSession session, HandoverRequest request, String what, Actor actor) {
        log.info("handover request {} {} (by {})", request.id(), what,
                actor.staff().map(id -> "staff " + id).orElse("the API"));
        return new HandoverResult.Done(session.feedback().findHandover(request.id()).orElseThrow());
    }

    private static HandoverResult takenOrEnded(StoreSession session, HandoverRequest current) {
        if (HandoverRequest.TAKEN.equals(current.status()) && current.takenByStaffId() != null) {
            String name = session.staff().find(current.takenByStaffId()).map(StaffMember::name)
                    .orElse("staff member " + current.takenByStaffId());
            return new HandoverResult.Refused(CareResult.Reason.CONFLICT,
                    "handover request " + current.id() + " is already taken by " + name, name);
        }
        return new HandoverResult.Refused(CareResult.Reason.CONFLICT,
                "handover request " + current.id() + " is " + current.status(), null);
    }

    private static HandoverResult notFound(long requestId) {
        return new HandoverResult.Refused(CareResult.Reason.NOT_FOUND, "no handover request " + requestId, null);
    }

    private static HandoverResult unknownStaff(long staffId) {
        return new HandoverResult.Refused(CareResult.Reason.UNKNOWN_STAFF, "no active staff member " + staffId, null);
    }

    private static Optional<StaffMember> activeStaff(StoreSession session, long staffId) {
        return session.staff().find(staffId).filter(StaffMember::active);
    }

    /** Tells the customer in the chat where they asked for a person. */
    private static void tell(StoreSession session, HandoverRequest request, OutboundMessage message, Instant now) {
        session.outbox().enqueue(OutboxItem.reply(request.channel(), message, request.customerId(), now));
    }
}
