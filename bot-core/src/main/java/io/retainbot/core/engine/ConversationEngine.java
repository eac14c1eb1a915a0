package io.retainbot.core.engine;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.DueEvent;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.KnownIssueOffer;
import io.retainbot.core.customer.Stages;
import io.retainbot.core.flow.ComplaintLookup;
import io.retainbot.core.flow.Conversation;
import io.retainbot.core.flow.CustomerCard;
import io.retainbot.core.flow.Dialogue;
import io.retainbot.core.flow.MainMenu;
import io.retainbot.core.flow.Step;
import io.retainbot.core.flow.Turn;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.EventIntake;
import io.retainbot.core.port.InboxStore;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.StoreUnavailableException;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.reaction.StaffChats;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.usecase.CareTransactions;
import io.retainbot.core.usecase.ComplaintCare;
import io.retainbot.core.usecase.HandoverCare;
import io.retainbot.core.usecase.Reviews;
import io.retainbot.core.usecase.Sales;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles every inbound event exactly once. In one transaction it records the event in the inbox
 * (a second delivery stops there), locks the conversation (one event at a time per chat, any
 * number of chats in parallel), links the sender to a customer, lets the dialogue decide, carries
 * out the commands, saves the new state and puts the replies in the outbox. Only then does
 * {@link #accept} return, and the adapter may tell its platform the event was received. Built with
 * committers, it lets customer events of other chats that arrive at the same moment share that
 * transaction and its commit ({@link GroupCommit}); a failure among them rolls them all back and each
 * is handled alone.
 */
public final class ConversationEngine implements EventSink {
    private static final Logger log = LoggerFactory.getLogger(ConversationEngine.class);

    private final Transactor transactor;
    private final Dialogue dialogue;
    private final Messages messages;
    private final BusinessConfig business;
    private final CustomerDirectory customers;
    private final CommandRunner commands;
    private final Set<ChannelRef> staffChannels;
    private final StaffDesk staffDesk;
    private final ComplaintCare complaintCare;
    private final HandoverCare handoverCare;
    private final Sales sales;
    private final BotInitiation initiation;
    private final Clock clock;
    private final Runnable outboxWakeUp;
    /** Null when every event is handled in a transaction of its own. */
    private final GroupCommit groups;

    /**
     * @param staffChannels chats where only staff may act (events from others are ignored)
     * @param outboxWakeUp  called after a commit that put replies in the outbox
     */
    public ConversationEngine(Transactor transactor, Messages messages, BusinessConfig business,
                              Set<ChannelRef> staffChannels, Clock clock, Runnable outboxWakeUp) {
        this(transactor, messages, business, staffChannels, clock, outboxWakeUp, Reactions.none(),
                BotContactPolicy.DEFAULT);
    }

    /**
     * @param reactions    what reacts to the domain events the engine records (complaint filed, consent ...)
     * @param afterCommit  called after a commit that put replies in the outbox or recorded domain events
     * @param botContact   how long a bot-initiated conversation waits for a busy customer
     */
    public ConversationEngine(Transactor transactor, Messages messages, BusinessConfig business,
                              Set<ChannelRef> staffChannels, Clock clock, Runnable afterCommit, Reactions reactions,
                              BotContactPolicy botContact) {
        this(transactor, messages, business, new StaffChats(messages, business, Messages.FALLBACK,
                List.copyOf(staffChannels)), clock, afterCommit, reactions, botContact);
    }

    /**
     * @param staffChats the staff chats: events there are staff work (from anyone else, refused); customers'
     *                   words for the people handling them are relayed there
     * @param reactions  what reacts to the domain events the engine records (complaint filed, consent ...)
     * @param afterCommit called after a commit that put replies in the outbox or recorded domain events
     * @param botContact how long a bot-initiated conversation waits for a busy customer
     */
    public ConversationEngine(Transactor transactor, Messages messages, BusinessConfig business, StaffChats staffChats,
                              Clock clock, Runnable afterCommit, Reactions reactions, BotContactPolicy botContact) {
        this(transactor, messages, business, staffChats, clock, afterCommit, reactions, botContact, Stages.DEFAULT,
                null);
    }

    /**
     * @param stages  the customer stages the business uses, and who looks after customers in each (staff set a
     *                customer's stage from the staff chats with {@code /stage})
     * @param reviews the account reviews, whose weekly lists have buttons the staff chats press (null: none)
     */
    public ConversationEngine(Transactor transactor, Messages messages, BusinessConfig business, StaffChats staffChats,
                              Clock clock, Runnable afterCommit, Reactions reactions, BotContactPolicy botContact,
                              Stages stages, Reviews reviews) {
        this(transactor, messages, business, staffChats, clock, afterCommit, reactions, botContact, stages, reviews,
                0);
    }

    /**
     * @param committers 0 (what the other constructors give): each event in a transaction of its own on its
     *                   caller's thread. More: customer events of different chats that arrive together are
     *                   handled in groups, one transaction and one commit each, this many groups at once
     *                   ({@link GroupCommit}). Groups use less CPU per event, but on a loaded 2-core machine they
     *                   handled fewer events a second and had a worse p99 than single events (README, Performance:
     *                   EngineBenchmark prints both), so they are not the default.
     */
    public ConversationEngine(Transactor transactor, Messages messages, BusinessConfig business, StaffChats staffChats,
                              Clock clock, Runnable afterCommit, Reactions reactions, BotContactPolicy botContact,
                              Stages stages, Reviews reviews, int committers) {
        if (committers < 0) {
            throw new IllegalArgumentException("committers must be 0 (no groups) or more, got " + committers);
        }
        this.transactor = transactor;
        this.messages = messages;
        this.business = business;
        this.dialogue = new Dialogue(messages);
        this.customers = new CustomerDirectory(messages, business);
        this.commands = new CommandRunner(business, PromiseMaker.forBusiness(business), customers, reactions,
                staffChats);
        this.initiation = new BotInitiation(dialogue, messages, business, customers, commands, reactions, botContact);
        CareTransactions care = new CareTransactions(transactor, reactions, messages, business, clock, afterCommit,
                staffChats.texts().language());
        this.complaintCare = new ComplaintCare(care);
        this.handoverCare = new HandoverCare(care, new HandoverWording());
        this.sales = new Sales(transactor, reactions, stages, clock, afterCommit);
        this.staffDesk = new StaffDesk(staffChats, complaintCare, handoverCare, sales, reviews, business);
        this.staffChannels = Set.copyOf(staffChats.chats());
        this.clock = clock;
        this.outboxWakeUp = afterCommit;
        this.groups = committers == 0 ? null
                : new GroupCommit(transactor, this::handle, this::acceptAlone, afterCommit, committers);
    }

    /** The staff operations on complaints, as the staff chats call them (for the REST API and the console). */
    public ComplaintCare complaintCare() {
        return complaintCare;
    }

    /** Purchases and customer stages, as the staff chats set stages (for the REST API and the console). */
    public Sales sales() {
        return sales;
    }

    /** Taking and closing requests for a person, as the staff chats call them (for the REST API and the console). */
    public HandoverCare handoverCare() {
        return handoverCare;
    }

    /**
     * Something fell due (a survey, a greeting): the bot starts a conversation with the customer, unless
     * the event was handled before, the customer is busy in another flow (deferred: offer it again at the
     * time given), or it no longer applies (skipped). Returns after the commit, like {@link #accept}.
     */
    public DueReceipt acceptDue(DueEvent due) {
        DueReceipt receipt;
        try {
            receipt = transactor.inTransaction(session ->
                    initiation.handle(session, due, clock.instant(), lookup(session)));
        } catch (StoreUnavailableException unavailable) {
            throw unavailable;
        } catch (RuntimeException failure) {
            log.error("starting {} for customer {} failed; recording it as skipped", due.id(), due.customerId(), failure);
            receipt = transactor.inTransaction(session -> initiation.recordFailure(session, due, clock.instant(),
                    failure));
        }
        if (receipt instanceof DueReceipt.Handled || receipt instanceof DueReceipt.Skipped) {
            outboxWakeUp.run();
        }
        return receipt;
    }

    /**
     * With committers, customer events are handled together with those of other chats that arrive at the same
     * time, in one transaction ({@link GroupCommit}); staff work in the staff chats is always handled alone, one
     * transaction each (a staff action may schedule work outside the transaction, which a group rolled back would
     * repeat).
     */
    @Override
    public Receipt accept(InboundEvent raw) {
        InboundEvent event = InputCleaner.clean(raw);
        if (groups == null || staffChannels.contains(event.channel())) {
            return acceptAlone(event);
        }
        return groups.accept(event);
    }

    /** How many customer events wait for a place in a group (for tests that build a group on purpose). */
    int waitingForAGroup() {
        return groups == null ? 0 : groups.waiting();
    }

    /** One event in a transaction of its own; a bug it meets is recorded and the customer gets an apology. */
    private Receipt acceptAlone(InboundEvent event) {
        Receipt receipt;
        try {
            receipt = transactor.inTransaction(session -> handle(session, event));
        } catch (StoreUnavailableException unavailable) {
            throw unavailable;
        } catch (RuntimeException failure) {
            log.error("handling {} event {} on {} failed; recording it and apologising",
                    event.kind(), event.eventId(), event.channel(), failure);
            receipt = transactor.inTransaction(session -> recordFailure(session, event));
        }
        if (receipt == Receipt.HANDLED) {
            outboxWakeUp.run();
        }
        return receipt;
    }

    private Receipt handle(StoreSession session, InboundEvent event) {
        Instant now = clock.instant();
        if (staffChannels.contains(event.channel())) {
            return handleStaffChannel(session, event, now);
        }
        if (event instanceof InboundEvent.BotBlocked blocked) {
            return handleBlocked(session, blocked, now);
        }
        EventIntake.Accepted accepted = session.intake().accept(event, now);
        if (!accepted.recorded()) {
            return Receipt.DUPLICATE;
        }
        Conversation conversation = accepted.lockedConversation()
                .orElseGet(() -> session.conversations().lock(event.channel(), now));
        CustomerCard customer = customers.withZoneHint(session, accepted.seenCustomer().map(customers::card)
                .orElseGet(() -> accepted.lockedConversation().isPresent() ? customers.firstContact(session, event, now)
                        : customers.resolve(session, event, now)), event.sender(), now);
        conversation = conversation.withCustomer(customer.id());
        if (event instanceof InboundEvent.MessageEdited) {
            session.intake().finish(customers.inbound(customer.id(), event, conversation, null, now), conversation,
                    List.of());
            return Receipt.HANDLED;
        }
        Texts texts = messages.in(customer.language(), customer.tone());
        Turn turn = new Turn(event, conversation, customer, texts, now, business, lookup(session));
        Step step = dialogue.decide(turn);
        Conversation next = conversation.inState(step.flow(), step.state(), step.data(), now);
        CommandRunner.Result result = commands.run(session, turn, step.commands(), next);
        Conversation before = conversation;
        Long about = result.complaint().or(() -> result.conversation().data().about())
                .or(() -> before.data().about()).map(ComplaintRef::number).orElse(null);
        List<OutboundMessage> replies = new ArrayList<>(step.replies());
        replies.addAll(result.replies());
        session.intake().finish(customers.inbound(customer.id(), event, before, about, now),
                result.conversation().offered(replies), replies);
        return Receipt.HANDLED;
    }

    /** The user blocked (or unblocked) the bot: no flow runs, and the sender is not marked seen when blocking. */
    private Receipt handleBlocked(StoreSession session, InboundEvent.BotBlocked event, Instant now) {
        if (!session.inbox().record(event.platform(), event.eventId(), event.channel(), event.kind(),
                event.receivedAt(), now, InboxStore.Outcome.HANDLED)) {
            return Receipt.DUPLICATE;
        }
        session.conversations().lock(event.channel(), now);
        customers.blocked(session, event, event.blocked(), now);
        return Receipt.HANDLED;
    }

    /**
     * Staff work: a button on a ping, an answer under one, a staff command. From anyone who is not active
     * staff it is refused with nothing written but the inbox row, and an attempt at a staff action is
     * logged (people talking in the staff chat are not).
     */
    private Receipt handleStaffChannel(StoreSession session, InboundEvent event, Instant now) {
        Optional<StaffMember> staff = session.staff().findByIdentity(event.platform(), event.sender().platformUserId())
                .filter(StaffMember::active);
        InboxStore.Outcome outcome = staff.isPresent() ? InboxStore.Outcome.HANDLED : InboxStore.Outcome.IGNORED;
        if (!session.inbox().record(event.platform(), event.eventId(), event.channel(), event.kind(),
                event.receivedAt(), now, outcome)) {
            return Receipt.DUPLICATE;
        }
        if (staff.isEmpty()) {
            if (StaffDesk.isAction(event)) {
                log.warn("refused a staff action ({}) from {} user {} in staff chat {}: not active staff",
                        event.kind(), event.platform().code(), event.sender().platformUserId(), event.channel());
            }
            return Receipt.IGNORED;
        }
        staffDesk.act(session, staff.get(), event, now);
        return Receipt.HANDLED;
    }

    /** A bug met this event: remember it as handled (so it is not retried forever), reset the chat, apologise. */
    private Receipt recordFailure(StoreSession session, InboundEvent event) {
        Instant now = clock.instant();
        if (!session.inbox().record(event.platform(), event.eventId(), event.channel(), event.kind(),
                event.receivedAt(), now, InboxStore.Outcome.FAILED)) {
            return Receipt.DUPLICATE;
        }
        if (staffChannels.contains(event.channel()) || event instanceof InboundEvent.BotBlocked) {
            return Receipt.HANDLED;
        }
        Conversation conversation = session.conversations().lock(event.channel(), now);
        session.conversations().save(conversation.idle(now));
        Texts texts = messages.in(messages.languageFor(event.sender().languageHint()), business.defaultTone());
        session.outbox().enqueue(OutboxItem.reply(event.channel(),
                MainMenu.with(texts.get("error.sorry"), texts), conversation.customerId(), now));
        return Receipt.HANDLED;
    }

    private static ComplaintLookup lookup(StoreSession session) {
        return new ComplaintLookup() {
            @Override
            public List<Complaint> ofCustomer(long customerId, int limit) {
                return session.complaints().forCustomer(customerId, limit);
            }

            @Override
            public Optional<Complaint> find(ComplaintRef ref) {
                return session.complaints().find(ref);
            }

            @Override
            public boolean answered(Complaint complaint) {
                return session.complaints().firstResponseAt(complaint.id()).isPresent();
            }

            @Override
            public boolean surveyAnswered(Complaint complaint) {
                return session.complaints().surveyAnsweredAt(complaint.id())
                        .filter(at -> complaint.closedAt() == null || !at.isBefore(complaint.closedAt())).isPresent();
            }

            @Override
            public Optional<KnownIssueOffer> knownIssueOffer(Complaint complaint) {
                return session.knownIssues().offerOn(complaint.id());
            }

            @Override
            public Optional<io.retainbot.core.customer.CheckIn> checkIn(String cadence, long aboutId) {
                return session.checkIns().find(cadence, aboutId);
            }
        };
    }

}
